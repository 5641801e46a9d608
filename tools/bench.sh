#!/usr/bin/env bash
# bench.sh PITH — run tests/bench/*.py under PITH and python3 in the same
# session, 3 runs each, and print the median wall time and the ratio
# (pith / python3: below 1.00 means pith is faster). A benchmark, not a test.
set -u
PITH=$(realpath "$1")
PY=$(python3 -c "import sys; print(sys.executable)")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${BENCH_RUNS:-3}

median_time() { # cmd... -> median seconds of RUNS runs
    local times=()
    for _ in $(seq "$RUNS"); do
        local t0 t1
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || { echo "error"; return; }
        t1=$(date +%s.%N)
        times+=("$(awk "BEGIN{print $t1 - $t0}")")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

printf '%-22s %10s %10s %8s\n' benchmark pith python3 ratio
for f in "$ROOT"/tests/bench/*.py; do
    name=$(basename "$f" .py)
    tp=$(median_time "$PITH" "$f")
    tc=$(median_time "$PY" "$f")
    if [ "$tp" = error ] || [ "$tc" = error ]; then
        printf '%-22s %10s %10s %8s\n' "$name" "$tp" "$tc" "-"
    else
        printf '%-22s %9.3fs %9.3fs %8.2f\n' "$name" "$tp" "$tc" "$(awk "BEGIN{print $tp / $tc}")"
    fi
done
