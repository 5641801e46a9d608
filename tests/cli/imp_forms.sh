# imp_forms.sh — every import form on a package tree built in a temp dir:
# import a.b.c / as / from-import / relative imports (. and ..) / import *
# with and without __all__, namespace packages, module attributes, circular
# imports (3.11's "partially initialized module" error), ImportError and
# ModuleNotFoundError texts and attributes, sys.path[0] for scripts, -c and
# -m, `-m pkg` running pkg/__main__.py, sys.argv under -m.
. ./norm.sh
unset PYTHONDONTWRITEBYTECODE PYTHONPATH PYTHONPYCACHEPREFIX
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
norm() { sed -e "s|$T|T|g" -e 's/cpython-311/TAG/g' -e 's/pith-311/TAG/g'; }
prun() { run "$@" | norm; }
mkdir -p app/core/deep app/util nsp/part1 nsp2/nsp/part2 circ
cat > app/__init__.py <<'P'
"""The app package."""
print("init app", __name__, __package__)
VERSION = 3
P
cat > app/core/__init__.py <<'P'
from . import engine
from .engine import run as run_engine
from .. import VERSION
from ..util import helpers
from ..util.helpers import shout
print("init app.core", VERSION, engine.__name__, helpers.__name__)
P
cat > app/core/engine.py <<'P'
def run():
    return "engine running"
P
cat > app/core/deep/__init__.py <<'P'
P
cat > app/core/deep/leaf.py <<'P'
from ... import VERSION
from ...core import engine
from .. import engine as eng2
value = (VERSION, engine is eng2)
try:
    from .... import nothing
except ImportError as e:
    print("beyond:", type(e).__name__, e)
P
cat > app/util/__init__.py <<'P'
P
cat > app/util/helpers.py <<'P'
__all__ = ["shout", "_private_but_listed"]
def shout(s): return s.upper() + "!"
def whisper(s): return s.lower()
_private_but_listed = 1
P
cat > app/util/plain.py <<'P'
a = 1
_b = 2
def f(): return "f"
P
cat > app/__main__.py <<'P'
import sys
print("app main:", __name__, __package__, __spec__.name, sys.argv[1:])
print("argv0:", sys.argv[0])
print("path0:", sys.path[0])
P
cat > nsp/part1/__init__.py <<'P'
name = "part1"
P
cat > nsp2/nsp/part2.py <<'P'
name = "part2"
P
cat > circ/__init__.py <<'P'
P
cat > circ/a.py <<'P'
from circ import b
A = "a"
def use(): return b.B
P
cat > circ/b.py <<'P'
import circ.a
B = "b"
def use(): return circ.a.A
P
cat > circ/x.py <<'P'
from circ.y import Y
X = 1
P
cat > circ/y.py <<'P'
from circ.x import X
Y = 2
P
cat > main.py <<'P'
import sys
sys.path.append(sys.path[0] + "/nsp2")
import app.core
import app.core.deep.leaf as leaf
from app.util import helpers as h
from app.util.helpers import *
import app.util.plain
from app.util.plain import *
print(app.core.run_engine(), app.core.shout("hi"), leaf.value)
print(sorted(k for k in ("shout", "whisper", "_private_but_listed", "a", "_b", "f") if k in globals()))
print(h is sys.modules["app.util.helpers"], app.util.plain.f())
for m in (app, app.core, leaf, h):
    s = m.__spec__
    print(m.__name__, repr(m.__package__), m.__file__, m.__cached__, hasattr(m, "__path__"))
    print("  spec:", s.name, s.origin, s.parent, s.has_location, s.submodule_search_locations, s.cached)
    print("  loader:", type(m.__loader__).__name__, m.__loader__.name, m.__loader__ is s.loader)
    print("  doc:", repr(m.__doc__), type(m.__builtins__).__name__)
print("main:", __name__, __package__, __spec__, type(__loader__).__name__, __file__)
print("path0 is script dir:", sys.path[0] == __file__.rpartition("/")[0])
import nsp.part1, nsp.part2
print("namespace:", nsp.part1.name, nsp.part2.name, sorted(nsp.__path__), nsp.__file__, nsp.__spec__.origin)
print("ns spec:", nsp.__spec__.name, nsp.__spec__.has_location, nsp.__spec__.parent)
import circ.a
print("circular:", circ.a.use(), circ.b.use())
try:
    import circ.x
except ImportError as e:
    print("circular error:", e)
    print("  name/path:", e.name, e.path)
try:
    from app.util import nosuch
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    from app.util.helpers import nosuch
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)
for name in ("nosuchmod", "app.nosuch", "app.util.helpers.x", "app.core.engine.run"):
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__, e, e.name, e.path)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from .sibling import anything
except ImportError as e:
    print(type(e).__name__, e)
import app.util.plain as p2
print(p2 is app.util.plain, "app.util.plain" in sys.modules)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e, e.name)
del sys.modules["app.util"].plain
from app.util import plain
print("refetched:", plain.a)
if __name__ == "__main__":
    print("ran as main")
P
prun main.py
echo "--- -m app"
prun -m app x y
echo "--- -m app.core.deep.leaf"
prun -m app.core.deep.leaf
echo "--- -m with args and __name__ check"
printf 'import sys\nprint(__name__, sys.argv, sys.path[0])\nif __name__ == "__main__": print("main block")\n' > tool.py
prun -m tool a -b --c
echo "--- -c path"
prun -c 'import sys; print(repr(sys.path[0])); import tool; print(tool.__name__)'
echo "--- -m errors"
prun -m app.util
prun -m nosuch
prun -m app.nosuch
prun -m app.util.helpers.x
echo "--- relative import in a script"
printf 'from . import x\n' > rel.py
prun rel.py
printf 'from .. import x\n' > app/util/up.py
prun -c 'import app.util.up'
printf 'from ... import x\n' > app/util/up2.py
prun -c 'import app.util.up2'
echo "--- import * errors, package dropped from sys.modules"
printf '__all__ = ["a", 1]\na = 1\n' > badall.py
printf '__all__ = ["a", "zz"]\na = 1\n' > missall.py
prun -c 'from badall import *'
prun -c 'from missall import *'
prun -c 'from app.util import *; print(sorted(k for k in dir() if not k.startswith("__")))'
prun -c '
import sys, app.util.plain as p
del sys.modules["app"]
import app.util.plain
print(app.util.plain is p, "app" in sys.modules)'
