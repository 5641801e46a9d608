# imp_pyc.sh — the bytecode cache across runs (reuse, stale source,
# corrupt/truncated cache, -B, PYTHONDONTWRITEBYTECODE,
# sys.dont_write_bytecode, unwritable directory) and `-m`.
. ./norm.sh
unset PYTHONDONTWRITEBYTECODE PYTHONPATH
T=$(mktemp -d)
trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT
cd "$T"
printf 'value = 1\nprint("cmod runs", value)\n' > cmod.py
echo 'import cmod; print("main sees", cmod.value)' > main.py
caches() { if [ -d __pycache__ ]; then echo "pycache: $(ls __pycache__ | wc -l) file(s)"; else echo "no pycache"; fi; }
run main.py; caches
run main.py; caches
printf 'value = 22\nprint("cmod runs", value)\n' > cmod.py
run main.py; caches
touch -d '2001-02-03 04:05:06' cmod.py
run main.py
for f in __pycache__/*.pyc; do printf 'garbage!garbage!garbage!' > "$f"; done
run main.py
run main.py
for f in __pycache__/*.pyc; do head -c 10 "$f" > "$f.t"; mv "$f.t" "$f"; done
run main.py
rm -rf __pycache__
run -B main.py; caches
PYTHONDONTWRITEBYTECODE=1 run main.py; caches
run -c 'import sys; sys.dont_write_bytecode = True; import cmod'; caches
run main.py; caches
rm -rf __pycache__
mkdir ro && cp cmod.py ro/ && chmod 555 ro
run -c 'import sys; sys.path.insert(0, "ro"); import cmod'
# -m
mkdir -p mpkg/sub
echo 'print("mpkg init")' > mpkg/__init__.py
echo 'import sys; print("mpkg main", __name__, __package__, sys.argv[0].rpartition("/")[2], sys.argv[1:])' > mpkg/__main__.py
echo 'print("sub init")' > mpkg/sub/__init__.py
echo 'import sys; print("leaf", __name__, __package__, __spec__.name, sys.argv[0].rpartition("/")[2], sys.argv[1:])' > mpkg/sub/leaf.py
run -B -m mpkg a b
run -B -m mpkg.sub.leaf x
run -B -m cmod
run -B -m mpkg.sub
run -B -m nosuch
run -B -m mpkg.nosuch
run -B -m sys
