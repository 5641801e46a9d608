# ladder_a.sh — conformance ladder, tier A, part 1 (need only unittest):
# CPython's own test modules under PROG (see ladder_lib.sh).
. ./ladder_lib.sh
ladder "$1" test_unary test_typechecks test_int_literal test_augassign test_exception_variations
