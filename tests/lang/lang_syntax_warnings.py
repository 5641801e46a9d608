# Compile-time SyntaxWarnings (printed to stderr before the program runs)
# and the same warnings from compile(); -W error turns them into SyntaxError.

def attempt(f):
    try:
        return f()
    except Exception as e:
        return f'{type(e).__name__}: {e}'


x = 5
print(attempt(lambda: 1 (2)))
print(attempt(lambda: (1, 2) (3)))
print(attempt(lambda: [1, 2] [0]))
print(attempt(lambda: 1 [0]))
print(attempt(lambda: {1} [0]))
print(attempt(lambda: 'abc'['x']))
print(attempt(lambda: [1][1, 2]))
print(attempt(lambda: x is 5))
print(attempt(lambda: x is not ()))
print(attempt(lambda: x is -1))
print(attempt(lambda: x is None))
print(1if x else 2, [0x1for _ in 'ab'], 1_000in [1000], 0o7and 1, x if 1else 0)
print(attempt(lambda: f'x' (3)))
if x:
    assert (x, 'message')
print([1][0:1], 'abc'[1], (1, 2)[True])

for src in ['1 (2)', "x is 'a'", "'a'[1.5]", 'None[0]', '0x1for x in y', 'assert (1, 2)']:
    try:
        compile(src, '<test>', 'exec')
        print('compiled', repr(src))
    except SyntaxError as e:
        print('SyntaxError', e)
