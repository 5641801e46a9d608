# SyntaxError carets on lines with non-ASCII characters: 3.11 counts the
# offset in characters, the caret width in characters too.
import sys

def show(src):
    try:
        compile(src, "<u>", "exec")
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
        sys.excepthook(type(e), e, None)

show('x = b"é"')
show('x = b"abc"\ny = b"日本"')
show('s = "héllo" +* 1')
show('naïve = = 3')
show('π = 3.14 $')
exec('a = "ñ"\nb = b"ñ"')
