e = SyntaxError('msg', ('f.py', 3, 5, 'x = (', 3, 6))
print(e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.print_file_and_line)
print(str(e), repr(e))
e = SyntaxError('m2')
print(e.msg, e.filename, e.lineno, str(e))
print(str(SyntaxError('m', ('f', 1, 2, 't'))))
print(str(SyntaxError('m', (None, 4, 2, 't'))))
try:
    compile('x = (', 'src', 'exec')
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
try:
    compile('a b', 'src2', 'exec')
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))
try:
    SyntaxError('m', (1, 2))
except TypeError as e:
    print(type(e).__name__, e)
try:
    SyntaxError('m', (1, 2, 3, 4, 5, 6, 7))
except TypeError as e:
    print(e)
