# imp_cache.sh — the bytecode cache: creation, reuse (cache file unchanged
# byte for byte, mtime unchanged), invalidation by source mtime and size,
# corrupt caches (truncated, wrong magic, random bytes, empty, a directory
# in the way) still give correct output and are rewritten, -B,
# PYTHONDONTWRITEBYTECODE, sys.dont_write_bytecode set by the program,
# sys.pycache_prefix (-X pycache_prefix, PYTHONPYCACHEPREFIX, set at run
# time), an unwritable directory, py_compile and compileall.
# Cache files are looked up by glob (NAME.*.pyc): CPython writes
# NAME.cpython-311.pyc, pith NAME.pith-311.pyc.
. ./norm.sh
unset PYTHONDONTWRITEBYTECODE PYTHONPATH PYTHONPYCACHEPREFIX
T=$(mktemp -d)
trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT
cd "$T"
norm() { sed -e "s|$T|T|g" -e 's/cpython-311/TAG/g' -e 's/pith-311/TAG/g'; }
prun() { run "$@" | norm; }
cache() { ls __pycache__/"$1".*.pyc 2>/dev/null | head -1; }
state() { # name -> "sum mtime" of its cache, or "none"
    local c; c=$(cache "$1")
    if [ -n "$c" ]; then echo "$(cksum < "$c") $(stat -c %Y "$c")"; else echo none; fi
}
has_cache() { if [ -n "$(cache "$1")" ]; then echo "$1: cached"; else echo "$1: no cache"; fi; }
printf 'value = 1\nprint("mod runs", value)\n' > mod.py
touch -d '2020-01-01 00:00:00' mod.py
echo 'import mod; print("main sees", mod.value, mod.__cached__.endswith(".pyc"))' > main.py
echo "--- create"
prun main.py; has_cache mod; has_cache main
s1=$(state mod)
echo "--- reuse"
sleep 1
prun main.py
s2=$(state mod)
[ "$s1" = "$s2" ] && echo "cache unchanged on reuse" || echo "cache REWRITTEN on reuse"
echo "--- stale: new mtime, same size"
printf 'value = 2\nprint("mod runs", value)\n' > mod.py
touch -d '2021-01-01 00:00:00' mod.py
prun main.py
[ "$(state mod)" != "$s2" ] && echo "cache rewritten" || echo "cache NOT rewritten"
echo "--- stale: same mtime, new size"
printf 'value = 333\nprint("mod runs", value)\n' > mod.py
touch -d '2021-01-01 00:00:00' mod.py
prun main.py
prun main.py
for kind in truncated magic random empty; do
    echo "--- corrupt: $kind"
    c=$(cache mod)
    case $kind in
    truncated) head -c 12 "$c" > x.tmp && mv x.tmp "$c" ;;
    magic) printf '\x00\x00\x00\x00' | dd of="$c" bs=1 seek=0 conv=notrunc 2>/dev/null ;;
    random) head -c 3000 /dev/urandom > "$c" ;;
    empty) : > "$c" ;;
    esac
    bad=$(cksum < "$c")
    prun main.py
    [ "$(cksum < "$c")" != "$bad" ] && echo "rewritten" || echo "NOT rewritten"
    prun main.py
done
echo "--- -B and friends"
rm -rf __pycache__
prun -B main.py; has_cache mod
PYTHONDONTWRITEBYTECODE=1 prun main.py; has_cache mod
prun -c 'import sys; sys.dont_write_bytecode = True; import mod'; has_cache mod
prun -c 'import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)'
prun -B -c 'import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)'
prun -c 'import sys; sys.dont_write_bytecode = False; import mod'; has_cache mod
echo "--- pycache_prefix"
rm -rf __pycache__
prun -c 'import sys; print(sys.pycache_prefix)'
prun -X pycache_prefix=pfx -c 'import sys; print(sys.pycache_prefix); import mod; print(mod.__cached__)'
has_cache mod; ls pfx"$T"/mod.*.pyc | norm
PYTHONPYCACHEPREFIX="$T/pfx2" prun -c 'import sys; print(sys.pycache_prefix); import mod'
ls "$T/pfx2$T"/mod.*.pyc | norm
prun -c 'import sys; sys.pycache_prefix = "pfx3"; import mod; print(mod.__cached__)'
ls pfx3"$T"/mod.*.pyc | norm
has_cache mod
echo "--- unwritable directory"
mkdir ro && cp mod.py ro/ && chmod 555 ro
prun -c 'import sys; sys.path.insert(0, "ro"); import mod; print(mod.__file__)'
ls ro
echo "--- a file where __pycache__ should be"
mkdir blk && cp mod.py blk/ && echo x > blk/__pycache__
prun -c 'import sys; sys.path.insert(0, "blk"); import mod'
echo "--- py_compile"
rm -rf __pycache__
prun -c 'import py_compile; c = py_compile.compile("mod.py"); print(c)'
has_cache mod
prun -B -c 'import py_compile; py_compile.compile("mod.py", cfile="out.pyc")'
ls out.pyc
printf 'def broken(:\n' > broken.py
prun -c 'import py_compile; print(py_compile.compile("broken.py"))'
prun -c '
import py_compile
try:
    py_compile.compile("broken.py", doraise=True)
except py_compile.PyCompileError as e:
    print("PyCompileError:", e.exc_type_name, e.file)'
prun -m py_compile mod.py
prun -m py_compile nosuch.py
echo "--- compileall"
mkdir -p tree/pkg/sub
echo 'a = 1' > tree/one.py
echo 'b = 2' > tree/pkg/__init__.py
echo 'c = 3' > tree/pkg/sub/deep.py
echo 'not python' > tree/notes.txt
prun -m compileall tree
find tree -name '*.pyc' | norm | sort
echo "(second run: up to date)"
prun -m compileall tree
touch -d '2022-02-02 00:00:00' tree/one.py
prun -m compileall -q tree
prun -m compileall tree/pkg/sub/deep.py
prun -m compileall -f tree/pkg/sub/deep.py
prun -m compileall -l tree/pkg
cp broken.py tree/broken.py
prun -m compileall tree
prun -m compileall -q tree
rm tree/broken.py
prun -B -c 'import sys; sys.path.insert(0, "tree"); import one, pkg.sub.deep; print(one.a, pkg.b, pkg.sub.deep.c)'
