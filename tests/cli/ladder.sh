# ladder.sh PROG — the conformance ladder (../../../shared/conformance-ladder.md):
# CPython 3.11's own unittest modules from Lib/test, run with `PROG -m
# unittest test.NAME`. One line per module: tests run and OK/FAILED with
# the counts (timings dropped; skips dropped too, since tests marked
# cpython_only are skipped on pith only). On a failure the end of the
# module's output follows, to show what broke.
#
# The test package is Debian's (libpython3.11-testsuite, which .ci/run
# installs), /usr/lib/python3.11/test; both interpreters import that same
# copy (python3 through PYTHONPATH), so the test counts agree. Without it
# the script says so and fails: it never passes by running nothing.
# Only modules that fully pass on pith are listed.
set -u
PROG=$1
[ -x "$PROG" ] && PROG=$(realpath "$PROG")
TESTPKG=/usr/lib/python3.11/test
MODULES="test_unary test_typechecks test_int_literal test_augassign
test_exception_variations test_dictcomps test_keywordonlyarg test_super
test_contains test_binop test_global test_with test_class test_opcodes
test_isinstance test_scope test_string test_named_expressions test_pow
test_print test_richcmp test_funcattrs test_exception_group test_keyword
test_sort test_userdict test_dynamicclassattribute test_baseexception"

if [ ! -f "$TESTPKG/test_unary.py" ]; then
    echo "ladder: $TESTPKG/test_unary.py missing (apt-get install libpython3.11-testsuite)"
    exit 2
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ln -s "$TESTPKG" "$T/test"
cd "$T"
export PYTHONPATH=$T
unset PYTHONPYCACHEPREFIX
export PYTHONDONTWRITEBYTECODE=1 # keep the shared test package's __pycache__ untouched

status=0
for m in $MODULES; do
    out=$(timeout 60 "$PROG" -m unittest "test.$m" 2>&1)
    rc=$?
    ran=$(printf '%s\n' "$out" | sed -n 's/^Ran \([0-9]*\) tests\? in .*/\1/p' | tail -n 1)
    verdict=$(printf '%s\n' "$out" | grep -E '^(OK|FAILED)' | tail -n 1 | sed -e 's/ *(skipped=[0-9]*)//' \
        -e 's/, skipped=[0-9]*//' -e 's/(skipped=[0-9]*, /(/')
    echo "$m: ran ${ran:-?}, ${verdict:-no result} (exit $rc)"
    if [ "$rc" != 0 ]; then
        status=1
        printf '%s\n' "$out" | tail -n 15 | sed 's/^/    /'
    fi
done
exit $status
