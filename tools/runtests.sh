#!/usr/bin/env bash
# runtests.sh PITH UNITDIR — run every C unit test in UNITDIR and every
# program in tests/lang and tests/cli; compare with the expected output that
# python3 produced (tools/regen.sh). Ends with one line "N passed, N failed".
#
# tests/lang/NAME.py   run as `PITH NAME.py` inside tests/lang; compared:
#   NAME.out (stdout), NAME.err (stderr, default empty), NAME.code (exit
#   status, default 0); NAME.in, if present, is fed on stdin.
# tests/cli/NAME.sh    run as `bash NAME.sh PITH` inside tests/cli; same files.
# Absolute paths of the test directory are replaced by "" before comparing,
# so expected files hold paths relative to it.
set -u
PITH=$(realpath "$1")
UNITDIR=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TIMEOUT=${PITH_TEST_TIMEOUT:-30}
pass=0
fail=0
failed=()

report() { # name ok?
    if [ "$2" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); failed+=("$1"); fi
}

if [ -n "$UNITDIR" ] && [ -d "$UNITDIR" ]; then
    for t in "$UNITDIR"/*; do
        [ -x "$t" ] || continue
        if out=$(cd "$ROOT" && timeout "$TIMEOUT" "$t" 2>&1); then
            report "unit/$(basename "$t")" 0
        else
            echo "FAIL unit/$(basename "$t")"
            echo "$out" | grep -v ': ok$' | head -20
            report "unit/$(basename "$t")" 1
        fi
    done
fi

# compare_run DIR NAME CMD... : run CMD in DIR, compare with DIR/NAME.{out,err,code}
compare_run() {
    local dir=$1 name=$2
    shift 2
    local tmp
    tmp=$(mktemp -d)
    local input=/dev/null
    [ -f "$dir/$name.in" ] && input="$dir/$name.in"
    (cd "$dir" && timeout "$TIMEOUT" "$@" <"$input" >"$tmp/out" 2>"$tmp/err")
    echo $? >"$tmp/code"
    sed -i "s|$dir/||g" "$tmp/out" "$tmp/err"
    local expect_err=/dev/null expect_code=0 ok=0
    [ -f "$dir/$name.err" ] && expect_err="$dir/$name.err"
    [ -f "$dir/$name.code" ] && expect_code=$(cat "$dir/$name.code")
    cmp -s "$tmp/out" "$dir/$name.out" || ok=1
    cmp -s "$tmp/err" "$expect_err" || ok=1
    [ "$(cat "$tmp/code")" = "$expect_code" ] || ok=1
    if [ $ok != 0 ]; then
        echo "FAIL $name (exit $(cat "$tmp/code"), expected $expect_code)"
        diff "$dir/$name.out" "$tmp/out" | head -10
        diff "$expect_err" "$tmp/err" | head -10
    fi
    rm -rf "$tmp"
    report "$name" $ok
}

for f in "$ROOT"/tests/lang/*.py; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .py)
    compare_run "$ROOT/tests/lang" "$n" "$PITH" "$n.py"
done
for f in "$ROOT"/tests/cli/*.sh; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .sh)
    compare_run "$ROOT/tests/cli" "$n" bash "$n.sh" "$PITH"
done

if [ $fail != 0 ]; then echo "failed: ${failed[*]}"; fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
