# ladder_g.sh — conformance ladder, smaller unittest-only extras, part 2:
# CPython's own test modules under PROG (see ladder_lib.sh).
. ./ladder_lib.sh
ladder "$1" test_dynamicclassattribute test_baseexception test_decorators
