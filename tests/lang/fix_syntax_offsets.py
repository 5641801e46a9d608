# SyntaxError locations and texts of incomplete input compiled from strings:
# eval/single sources get no added newline (an error at their end has no
# column: offset 0), exec sources do; lines before the tokenizer's current
# one are reported without their newline.
srcs = ['1 +', '(', 'x = ', 'def f(:', 'f(**)', "'abc", '1 +\n', '(\n', 'x = \n', '[1, 2',
        '{', 'if x', 'if x:', 'a b', '"""abc', 'f(', 'x = (1,\n 2', 'def f():', 'lambda',
        '1 + (2', 'for x in', 'import', 'from x', 'x.', '@', 'class', 'x[', '1 if 2',
        'yield from', 'a =\n\n', '\n\n(', 'f"{', 'b"abc', 'a, *', 'a, *\n', '*', 'x = *',
        '1 if', 'print(', '\n\n', '1\n2', 'x = (1,\n 2', '(1,\n 2', 'a b\nc', '1 +\r',
        'f(x for x in y, 1)', '\xe9 +', 'x = \xe9 +', '1 + 1 = 2', 'print "x"', 'x +=',
        '[x for x in', '*[1],', '*a, b', 'x\n\n', '1', '1\n']
for mode in ('eval', 'exec', 'single'):
    for s in srcs:
        if mode == 'single' and not s.strip():
            continue  # blank 'single' input: pith's REPL compiles it (known difference)
        try:
            compile(s, '<src>', mode)
            print(mode, repr(s), 'ok')
        except SyntaxError as e:
            print(mode, repr(s), type(e).__name__, repr(e.msg), e.lineno, e.offset,
                  e.end_lineno, e.end_offset, repr(e.text))
for s in ['', '\n']:
    try:
        compile(s, '<src>', 'eval')
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for s in ['1 +', '(', "'abc", 'x = ', 'f(**)']:
    for run in (eval, exec):
        try:
            run(s)
        except SyntaxError as e:
            print(run.__name__, repr(s), e.msg, e.lineno, e.offset, e.end_lineno,
                  e.end_offset, repr(e.text))
# the traceback of such an error
import traceback
try:
    eval('x = 1 +')
except SyntaxError as e:
    print(''.join(traceback.format_exception_only(type(e), e)), end='')
try:
    eval('(1 +')
except SyntaxError as e:
    print(''.join(traceback.format_exception_only(type(e), e)), end='')
