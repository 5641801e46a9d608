. ./norm.sh
# compile-time SyntaxWarnings: shown by default, hidden by -W ignore,
# SyntaxError under -W error (and -W error::SyntaxWarning)
run -c 'x = 1
print(x is 1, 1if x else 2)'
run -W ignore -c 'print(1 (2) if 0 else 3)'
run -W error -c 'print(1 (2))'
run -W error::SyntaxWarning -c 'print(0x1for x in [1])'
run -W error::DeprecationWarning -c 'print([1] [0])'
run -W error -W ignore::SyntaxWarning -c 'print({1} [0] if 0 else "ignored")'
