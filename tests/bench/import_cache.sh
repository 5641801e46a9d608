#!/usr/bin/env bash
# import_cache.sh PITH — the bytecode cache's payoff: import a generated
# 5,000-line module with a fresh compile (no cache, -B) and from its cache,
# under pith and python3 (each median of RUNS, timed inside the process
# around the import statement). Prints the times and the ratios; exits 1
# when pith's cached import is not at least 5x faster than compiling.
set -u
unset PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX
PITH=$(realpath "$1")
PY=$(python3 -c "import sys; print(sys.executable)")
RUNS=${BENCH_RUNS:-5}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
python3 - <<'GEN'
# functions and classes of typical size (a 40-line unit repeated)
lines = ['"""A generated module for the import benchmark."""', 'import sys', '']
i = 0
while True:
    unit = [f'CONST_{i} = {{"k{i}": [{i}, {i}.5, "s{i}"], "t": ({i}, None, True)}}',
              f'def func_{i}(a, b={i}, *args, **kw):',
              f'    """Function {i}: sums, filters and formats its arguments."""',
              f'    total = a + b',
              f'    for j in range(len(args)):',
              f'        if args[j] % 3 == 0:',
              f'            total += args[j] * {i % 7 + 1}',
              f'        elif args[j] % 3 == 1:',
              f'            total -= args[j]',
              f'        else:',
              f'            total ^= args[j]',
              f'    names = sorted(k for k in kw if not k.startswith("_"))',
              f'    if kw.get("neg"):',
              f'        return -total, names',
              f'    parts = [f"{{n}}={{kw[n]!r}}" for n in names]',
              f'    return [x * 2 for x in range(total % 10)], "v=" + ",".join(parts)',
              '',
              f'class Klass{i}(object):',
              f'    """A class with a few methods."""',
              f'    attr = {i}',
              f'    def __init__(self, x, y=None):',
              f'        self.x = x',
              f'        self.y = [] if y is None else list(y)',
              f'    def method(self, x):',
              f'        try:',
              f'            return self.attr / x',
              f'        except ZeroDivisionError:',
              f'            return None',
              f'        finally:',
              f'            self.y.append(x)',
              f'    def describe(self):',
              f'        out = []',
              f'        for k, v in sorted(vars(self).items()):',
              f'            if isinstance(v, list):',
              f'                out.append(f"{{k}}: {{len(v)}} items")',
              f'            else:',
              f'                out.append(f"{{k}}: {{v!r}}")',
              f'        return "; ".join(out)',
              '']
    if len(lines) + len(unit) > 5000:
        break
    lines += unit
    i += 1
lines += ['# padding'] * (5000 - len(lines))
open('bigmod.py', 'w').write('\n'.join(lines) + '\n')
GEN
cat > timeit_import.py <<'P'
import sys, time
t0 = time.perf_counter()
import bigmod
t1 = time.perf_counter()
print(f"{t1 - t0:.6f}")
P
median() { sort -n | sed -n "$(((RUNS + 1) / 2))p"; }
measure() { # interpreter, mode (fresh|cached) -> median seconds
    local interp=$1 mode=$2
    for _ in $(seq "$RUNS"); do
        if [ "$mode" = fresh ]; then
            rm -rf __pycache__
            "$interp" -B timeit_import.py
        else
            "$interp" timeit_import.py >/dev/null   # make sure the cache exists
            "$interp" timeit_import.py
        fi
    done | median
}
"$PITH" -B timeit_import.py >/dev/null && python3 -B timeit_import.py >/dev/null ||
    { echo "import_cache: the generated module does not import"; exit 1; }
pf=$(measure "$PITH" fresh)
pc=$(measure "$PITH" cached)
cf=$(measure "$PY" fresh)
cc=$(measure "$PY" cached)
echo "import of a 5000-line module (median of $RUNS, seconds):"
printf '  %-8s fresh compile %9.4f  cached %9.4f  speedup %6.1fx\n' pith "$pf" "$pc" "$(awk "BEGIN{print $pf / $pc}")"
printf '  %-8s fresh compile %9.4f  cached %9.4f  speedup %6.1fx\n' python3 "$cf" "$cc" "$(awk "BEGIN{print $cf / $cc}")"
printf '  cached import pith/python3: %.2f\n' "$(awk "BEGIN{print $pc / $cc}")"
awk "BEGIN{exit !($pf / $pc >= 5)}" || { echo "FAIL: cached import less than 5x faster than compiling"; exit 1; }
