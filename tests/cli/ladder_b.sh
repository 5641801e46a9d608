# ladder_b.sh — conformance ladder, tier A, part 2:
# CPython's own test modules under PROG (see ladder_lib.sh).
. ./ladder_lib.sh
ladder "$1" test_dictcomps test_keywordonlyarg test_super test_contains test_binop
