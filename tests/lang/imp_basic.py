# Imports of modules and packages from tests/lang/imp_pkgs: module
# attributes, packages, relative imports, from-import, import *, sys.modules
# caching, circular imports, failures and ModuleNotFoundError.
import sys
sys.path.insert(0, __file__.rpartition('/')[0] + '/imp_pkgs')

def rel(p):
    return p.rpartition('imp_pkgs/')[2] if isinstance(p, str) else p

import imp_mod
import imp_mod as again
print(imp_mod is again, imp_mod.__name__, imp_mod.__doc__, imp_mod.visible)
print(rel(imp_mod.__file__), imp_mod.__package__, imp_mod.__spec__.name)
print(rel(imp_mod.__spec__.origin), imp_mod.__spec__.parent, imp_mod.__spec__.submodule_search_locations)
print(sys.modules['imp_mod'] is imp_mod, hasattr(imp_mod, '__path__'))
print(type(imp_mod.__builtins__).__name__, imp_mod.__cached__ is not None)

from imp_mod import *
print(visible, also, 'hidden' in dir())
from imp_plain import *
print(a, f(), '_b' in dir())

import imp_pkg
print(imp_pkg.pkg_value, imp_pkg.sub.helper(), imp_pkg.helper is imp_pkg.sub.helper)
print(imp_pkg.__package__, [rel(p) for p in imp_pkg.__path__], rel(imp_pkg.__file__))
print(imp_pkg.__spec__.parent, [rel(p) for p in imp_pkg.__spec__.submodule_search_locations])
import imp_pkg.inner.deep
print(imp_pkg.inner.deep.where())
print(imp_pkg.inner.outer_value)
import imp_pkg.inner.deep as d
print(d is imp_pkg.inner.deep)
from imp_pkg import lazy
print(lazy.lazy_value, imp_pkg.lazy is lazy)
from imp_pkg.inner import deep
print(deep is d)

import imp_ns.part
print(imp_ns.part.part, hasattr(imp_ns, '__file__'), imp_ns.__spec__.origin)
print([rel(p) for p in imp_ns.__path__])

import imp_circ_a
print(imp_circ_a.use(), imp_circ_a.imp_circ_b.use())

for attempt in range(2):
    try:
        import imp_fail
    except ValueError as e:
        print('ValueError', e, 'imp_fail' in sys.modules)

import imp_self_replace
print(imp_self_replace)

for name in ['imp_missing', 'imp_mod.sub', 'imp_pkg.missing', 'imp_missing.x']:
    try:
        __import__(name)
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, e.name)

try:
    from imp_pkg import nothing_here
except ImportError as e:
    print(type(e).__name__, rel(str(e)))

try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)

m = __import__('imp_pkg.inner', fromlist=['deep'])
print(m.__name__)
print(__import__('imp_pkg.inner').__name__)
print(__import__('imp_pkg.sub', globals(), None, ['*'], 0).__name__)
try:
    __import__('')
except ValueError as e:
    print('ValueError', e)
try:
    __import__('sys', level=-1)
except ValueError as e:
    print('ValueError', e)
import marshal, sys as system
print(marshal.version, system is sys)
sys.modules['imp_blocked'] = None
try:
    import imp_blocked
except ModuleNotFoundError as e:
    print(e)
