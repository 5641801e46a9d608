# imp_importlib.sh — importlib on a temp package tree: import_module
# (absolute, relative with package=, errors), reload (source changed,
# identity kept, errors), invalidate_caches, util.find_spec (found,
# missing, submodule, already imported, builtin, parent not a package),
# util.resolve_name, spec_from_file_location + module_from_spec +
# loader.exec_module, cache_from_source/source_from_cache, machinery
# suffixes and ModuleSpec, a finder on sys.meta_path.
. ./norm.sh
unset PYTHONDONTWRITEBYTECODE PYTHONPATH PYTHONPYCACHEPREFIX
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
norm() { sed -e "s|$T|T|g" -e 's/cpython-311/TAG/g' -e 's/pith-311/TAG/g'; }
mkdir -p pkg/sub other
echo 'X = "pkg"' > pkg/__init__.py
echo 'Y = "sub"' > pkg/sub/__init__.py
echo 'Z = "leaf"' > pkg/sub/leaf.py
echo 'from . import leaf
W = leaf.Z + "!"' > pkg/sub/rel.py
printf 'counter = 1\ndef get(): return "v1"\n' > rmod.py
touch -d '2020-01-01 00:00:00' rmod.py
echo 'print("loaded standalone", __name__)
VALUE = 42' > other/standalone.py
cat > main.py <<'P'
import sys, importlib, importlib.util, importlib.machinery
m = importlib.import_module("pkg.sub.leaf")
print(m.__name__, m.Z, m is sys.modules["pkg.sub.leaf"])
print(importlib.import_module(".leaf", "pkg.sub").Z, importlib.import_module("..sub", "pkg.sub").Y)
print(importlib.import_module(".sub.rel", package="pkg").W)
print(importlib.import_module("pkg").X, importlib.import_module("sys") is sys)
for args in [(".x",), ("...x", "pkg.sub"), ("nosuch",), ("pkg.nosuch",), ("pkg.sub.leaf.x",), ("",)]:
    try:
        importlib.import_module(*args)
    except Exception as e:
        print(type(e).__name__, e)

import rmod
print("before", rmod.counter, rmod.get())
rmod.extra = "kept"
with open("rmod.py", "w") as f:
    f.write("counter = 2\ndef get(): return 'v2'\n")
import os
os.utime("rmod.py", (1600000000, 1600000000))
r = importlib.reload(rmod)
print("after", r is rmod, rmod.counter, rmod.get(), rmod.extra)
for bad in (42, type(sys)("ghost")):
    try:
        importlib.reload(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(importlib.invalidate_caches())

u = importlib.util
s = u.find_spec("pkg.sub.leaf")
print(s.name, s.parent, s.origin.replace(sys.path[0], "D"), s.submodule_search_locations, s.has_location)
print(type(s).__name__, type(s.loader).__name__, s.loader.is_package("pkg.sub.leaf"))
print(u.find_spec("nosuch"), u.find_spec("pkg.nothing"))
s2 = u.find_spec("pkg.sub")
print(s2.name, s2.parent, [p.replace(sys.path[0], "D") for p in s2.submodule_search_locations])
print(u.find_spec("pkg") is sys.modules["pkg"].__spec__)
print(u.find_spec(".leaf", "pkg.sub").name)
b = u.find_spec("sys")
print(b.name, b.origin, b.loader.__name__, b.has_location)
try:
    u.find_spec("rmod.x")
except Exception as e:
    print(type(e).__name__, e)
try:
    u.find_spec(".x")
except Exception as e:
    print(type(e).__name__, e)
print(u.resolve_name("..a.b", "p.q.r"), u.resolve_name("abs", None))

spec = u.spec_from_file_location("standalone", "other/standalone.py")
print(spec.name, spec.origin.replace(sys.path[0], "D"), spec.has_location, spec.parent, spec.submodule_search_locations)
mod = u.module_from_spec(spec)
print(mod.__name__, "standalone" in sys.modules, mod.__file__.replace(sys.path[0], "D"), mod.__spec__ is spec)
spec.loader.exec_module(mod)
print(mod.VALUE, mod.__loader__ is spec.loader)
print(u.spec_from_file_location("x", "data.txt"))
pspec = u.spec_from_file_location("pkg", "pkg/__init__.py")
print(pspec.submodule_search_locations[0].replace(sys.path[0], "D"), pspec.parent)

c = u.cache_from_source("/a/b/mod.py")
print(c, u.source_from_cache(c))
print(u.cache_from_source("/a/b/mod.py", optimization=2), u.cache_from_source("x.py", optimization=""))
try:
    u.source_from_cache("/a/b/mod.pyc")
except ValueError as e:
    print("ValueError", e)
print(len(u.MAGIC_NUMBER))

mach = importlib.machinery
print(mach.SOURCE_SUFFIXES, ".py" in mach.all_suffixes())
ms = mach.ModuleSpec("made", None, origin="somewhere")
print(ms, ms.parent, ms.submodule_search_locations, ms.has_location)
ps = mach.ModuleSpec("made.pkg", None, is_package=True)
print(ps, ps.parent)
print(ms == mach.ModuleSpec("made", None, origin="somewhere"), ms == ps)
print(mach.BuiltinImporter.find_spec("marshal").name, mach.BuiltinImporter.find_spec("pkg"))
print(mach.PathFinder.find_spec("pkg").name, mach.PathFinder.find_spec("sys"))

class Loader:
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.greeting = "hello from " + module.__name__

class Finder:
    def find_spec(self, name, path, target=None):
        if name.startswith("virtual"):
            return u.spec_from_loader(name, Loader())
        return None

sys.meta_path.append(Finder())
import virtual_one
print(virtual_one.greeting, virtual_one.__spec__.origin, type(virtual_one.__loader__).__name__)
from virtual_two import greeting
print(greeting)
import pkg.sub.leaf
print("still found on path:", pkg.sub.leaf.Z)
try:
    import not_virtual
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
P
run main.py | norm
