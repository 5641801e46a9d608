def inner(n):
    for i in range(n):
        yield 10 // (2 - i)

def middle(n):
    yield "start"
    yield from inner(n)

def outer():
    r = yield from middle(5)
    return r

for v in outer():
    print(v)
