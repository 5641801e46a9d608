# ladder_c.sh — conformance ladder, tier B, part 1 (small test.support / stdlib needs):
# CPython's own test modules under PROG (see ladder_lib.sh).
. ./ladder_lib.sh
ladder "$1" test_global test_with test_class test_opcodes test_isinstance
