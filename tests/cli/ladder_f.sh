# ladder_f.sh — conformance ladder, smaller unittest-only extras, part 1:
# CPython's own test modules under PROG (see ladder_lib.sh).
. ./ladder_lib.sh
ladder "$1" test_keyword test_sort test_userdict
