# Import statements: CPython 3.11 gives IMPORT_NAME/IMPORT_FROM the whole
# statement's position, so no carets appear under the failing name.
import traceback
try:
    import sys, nosuchmod_a
except ImportError:
    traceback.print_exc()
try:
    from sys import (path,
        nosuch_name)
except ImportError:
    traceback.print_exc()
try:
    import nosuchmod_b as nb, sys
except ImportError:
    traceback.print_exc()
def f():
    from sys import version, nosuch_again
f()
