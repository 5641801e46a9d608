# ladder_e.sh — conformance ladder, tier B, part 3:
# CPython's own test modules under PROG (see ladder_lib.sh).
. ./ladder_lib.sh
ladder "$1" test_funcattrs test_exception_group
