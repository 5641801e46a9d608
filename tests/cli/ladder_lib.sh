# ladder_lib.sh — sourced by ladder_*.sh, the conformance ladder
# (../../../shared/conformance-ladder.md): CPython 3.11's own unittest
# modules from Lib/test, each run with `PROG -m unittest test.NAME`.
# `ladder PROG NAME...` prints one line per module: tests run and OK/FAILED
# with the counts (timings dropped; skips dropped too, since tests marked
# cpython_only are skipped on pith only). On a failure the end of the
# module's output follows, to show what broke; the exit status is 1.
#
# The test package is Debian's (libpython3.11-testsuite, which .ci/run
# installs), /usr/lib/python3.11/test; both interpreters import that same
# copy (python3 through PYTHONPATH), so the test counts agree. Without it
# the scripts say so and fail: they never pass by running nothing.
# Only modules that fully pass on pith are listed. Run on its own, this
# file prints nothing.
ladder() {
    local prog=$1 testpkg=/usr/lib/python3.11/test status=0 m out rc ran verdict
    shift
    [ -x "$prog" ] && prog=$(realpath "$prog")
    if [ ! -f "$testpkg/test_unary.py" ]; then
        echo "ladder: $testpkg/test_unary.py missing (apt-get install libpython3.11-testsuite)"
        return 2
    fi
    local tmp
    tmp=$(mktemp -d)
    ln -s "$testpkg" "$tmp/test"
    for m in "$@"; do
        out=$(cd "$tmp" && env -u PYTHONPYCACHEPREFIX PYTHONPATH="$tmp" PYTHONDONTWRITEBYTECODE=1 \
            timeout 60 "$prog" -m unittest "test.$m" 2>&1)
        rc=$?
        ran=$(printf '%s\n' "$out" | sed -n 's/^Ran \([0-9]*\) tests\? in .*/\1/p' | tail -n 1)
        verdict=$(printf '%s\n' "$out" | grep -E '^(OK|FAILED)' | tail -n 1 |
            sed -e 's/ *(skipped=[0-9]*)//' -e 's/, skipped=[0-9]*//' -e 's/(skipped=[0-9]*, /(/')
        echo "$m: ran ${ran:-?}, ${verdict:-no result} (exit $rc)"
        if [ "$rc" != 0 ]; then
            status=1
            printf '%s\n' "$out" | tail -n 15 | sed 's/^/    /'
        fi
    done
    rm -rf "$tmp"
    return $status
}
