# ladder_d.sh — conformance ladder, tier B, part 2:
# CPython's own test modules under PROG (see ladder_lib.sh).
. ./ladder_lib.sh
ladder "$1" test_scope test_string test_named_expressions test_print test_richcmp
