# ExceptionGroup tree rendering: nested groups with tracebacks inside.
def fail(n):
    raise ValueError("bad value %d" % n)

def collect():
    errors = []
    for i in range(3):
        try:
            fail(i)
        except ValueError as e:
            errors.append(e)
    return errors

def inner_group():
    raise ExceptionGroup("inner", collect())

def outer_group():
    excs = []
    try:
        inner_group()
    except ExceptionGroup as g:
        excs.append(g)
    excs.append(TypeError("plain type error"))
    excs.append(ExceptionGroup("empty-ish", [KeyError("only")]))
    raise ExceptionGroup("outer", excs)

outer_group()
