# exit/quit/copyright/credits/license/help: the objects the site module adds.
import sys

print(repr(exit), repr(quit))
print(type(exit).__module__, type(exit).__qualname__, type(help).__qualname__)
print(repr(help))
print(repr(credits))
print(copyright)
print(sorted(vars(exit).items()))
print([n for n in dir(exit) if not n.startswith('__')])
print([n for n in dir(license) if not n.startswith('__')])
print(sorted(vars(copyright))[:2], type(license).MAXLINES)
for q in (exit, quit):
    try:
        q(3)
    except SystemExit as e:
        print('code', e.code)
try:
    exit()
except SystemExit as e:
    print('code', e.code, e.args)
try:
    quit('message')
except SystemExit as e:
    print('code', e.code)
try:
    exit(1, 2)
except TypeError as e:
    print('TypeError', e)
print(sys.stdin.closed)
exit(5)
