#!/usr/bin/env bash
# bench.sh PITH — run tests/bench/*.py under PITH and python3 in the same
# session and print, per benchmark, the wall time and the peak resident set
# size (RSS) of each, with the ratios pith / python3 (below 1.00: pith is
# faster or smaller). Times are the median of BENCH_RUNS runs (default 1);
# peak RSS is the largest of those runs. The GC benchmarks are also run at a
# smaller size, to show that peak RSS does not grow with the iteration
# count. A benchmark, not a test.
set -u
PITH=$(realpath "$1")
PY=$(python3 -c "import sys; print(sys.executable)")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${BENCH_RUNS:-1}

# measure CMD... -> "SECONDS KIB" (wall time, peak RSS of the command; KIB
# is 0 when GNU time is missing), or "error". The RSS comes from
# /usr/bin/time, a small C program: a wrapper written in Python would pass
# its own resident size on to the child through fork+exec.
TIME=/usr/bin/time
[ -x "$TIME" ] && "$TIME" -f %M true >/dev/null 2>&1 || TIME=
measure() {
    local t0 t1 rss=0 tmp
    tmp=$(mktemp)
    t0=$(date +%s.%N)
    if [ -n "$TIME" ]; then
        "$TIME" -f %M -o "$tmp" "$@" >/dev/null 2>&1 || { echo error; rm -f "$tmp"; return; }
        rss=$(tail -n 1 "$tmp")
    else
        "$@" >/dev/null 2>&1 || { echo error; rm -f "$tmp"; return; }
    fi
    t1=$(date +%s.%N)
    rm -f "$tmp"
    echo "$(awk "BEGIN{print $t1 - $t0}") $rss"
}

# best CMD... -> "MEDIAN_SECONDS MAX_KIB" over RUNS runs, or "error".
best() {
    local times=() rss=0 out
    for _ in $(seq "$RUNS"); do
        out=$(measure "$@")
        [ "$out" = error ] && { echo error; return; }
        times+=("${out% *}")
        [ "${out#* }" -gt "$rss" ] && rss=${out#* }
    done
    echo "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p") $rss"
}

row() { # NAME FILE [ARGS...]
    local name=$1
    shift
    local p c
    p=$(best "$PITH" "$@")
    c=$(best "$PY" "$@")
    if [ "$p" = error ] || [ "$c" = error ]; then
        printf '%-26s %9s %9s %6s %9s %9s %6s\n' "$name" "${p%% *}" "${c%% *}" - - - -
        return
    fi
    local tp=${p% *} mp=${p#* } tc=${c% *} mc=${c#* }
    printf '%-26s %8.3fs %8.3fs %6.2f %7.1fMB %7.1fMB %6.2f\n' "$name" "$tp" "$tc" \
        "$(awk "BEGIN{print $tp / $tc}")" "$(awk "BEGIN{print $mp / 1024}")" \
        "$(awk "BEGIN{print $mc / 1024}")" "$(awk "BEGIN{print $mc ? $mp / $mc : 0}")"
}

printf '%-26s %9s %9s %6s %9s %9s %6s\n' benchmark pith python3 ratio "pith RSS" "py RSS" ratio
for f in "$ROOT"/tests/bench/*.py; do
    row "$(basename "$f" .py)" "$f"
done
# Smaller sizes of the GC benchmarks (defaults: 10M cycles, 3M rounds).
row "gc_cycles (1M cycles)" "$ROOT/tests/bench/gc_cycles.py" 1000000
row "gc_big_heap (300k rounds)" "$ROOT/tests/bench/gc_big_heap.py" 300000
# Shell benchmarks (tests/bench/NAME.sh PITH) print their own reports.
for s in "$ROOT"/tests/bench/*.sh; do
    [ -f "$s" ] || continue
    echo "--- $(basename "$s" .sh)"
    bash "$s" "$PITH"
done
