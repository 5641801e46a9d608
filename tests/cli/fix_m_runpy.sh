# fix_m_runpy.sh — `-m`: uncaught exceptions show CPython's "<frozen runpy>"
# frames (_run_module_as_main/_run_code for the module's code, and
# _run_module_as_main/_get_module_details for errors while importing its
# parent packages); the module's frame really has those callers.
. ./norm.sh
unset PYTHONDONTWRITEBYTECODE PYTHONPATH PYTHONPYCACHEPREFIX
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
norm() { sed -e "s|$T|T|g"; }
prun() { run "$@" | norm; }
mkdir -p q r s/t u
echo 'raise ValueError("init")' > q/__init__.py
echo 'x = 1' > q/m.py
touch r/__init__.py s/__init__.py u/__init__.py
echo 'raise ValueError("main")' > r/__main__.py
echo 'raise KeyError(1)' > s/t/__init__.py
echo '1/0' > z.py
printf 'def f():\n    raise ValueError(1)\nf()\n' > y.py
echo 'import sys; print("um", __name__); sys.exit(5)' > u/__main__.py
echo 'print(__name__, __spec__.name)' > u/v.py
cat > frames.py <<'P'
import sys, traceback
f = sys._getframe(1)
print(f.f_code.co_name, f.f_code.co_filename, f.f_back.f_code.co_name, f.f_back.f_back)
print(__name__, [x.name for x in traceback.extract_stack()][:2])
P
for m in z y r q q.m s.t s.t.u u u.v frames nosuch u.nosuch q.nosuch; do
    echo "== -m $m"
    prun -m $m
done
