# Async generators (PEP 525) driven by hand with coroutine.send(None) loops.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


def step(aw, v=None):
    try:
        r = aw.send(v)
        return ('yield', r)
    except StopIteration as e:
        return ('stop', e.value)
    except BaseException as e:
        return ('exc', type(e).__name__, str(e))


class Aw:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        x = yield ('aw', self.v)
        return self.v * 10


async def agen(n):
    for i in range(n):
        r = await Aw(i)
        yield r
    print('agen done')


g = agen(3)
print(type(g).__name__, type(g.__anext__()).__name__, type(g.athrow(ValueError)).__name__)
print(type(g.asend(None)).__name__, type(g.aclose()).__name__)
print(g.ag_running, g.ag_await, g.ag_code.co_name, g.ag_frame is not None)
print(g.__aiter__() is g, g.__name__, g.__qualname__)
print(repr(g).startswith('<async_generator object agen at 0x'))
print(agen.__code__.co_flags & 0x200 != 0)


async def main():
    out = []
    async for x in agen(3):
        out.append(x)
    print(out)
    print([x async for x in agen(4)])
    print({x: 1 async for x in agen(2) if x})
    print({x async for x in agen(3)})
    it = agen(1)
    print(await it.__anext__())
    try:
        await it.__anext__()
    except StopAsyncIteration as e:
        print('SAI', repr(e))
    ge = (x * 2 async for x in agen(2))
    print(type(ge).__name__, [y async for y in ge])
    return 'main-ret'


print(run(main()))

# manual driving of __anext__ awaitables
g = agen(2)
a = g.asend(None)
print(a.send(None))
print(step(a, 'sent'))


async def ag():
    try:
        yield 1
        yield 2
    finally:
        print('fin')


g = ag()
a = g.__anext__()
print(step(a))
print(step(a))
print(step(g.aclose()))
c = g.aclose()
print(step(c))
print(step(c))
print(step(g.__anext__()))
print(step(g.athrow(ValueError)))
g = ag()
print(step(g.athrow(ValueError, ValueError('x'))))
print(step(g.__anext__()))
g = ag()
print(step(g.asend(5)))
print(step(g.__anext__()))
a = g.__anext__()
print(step(a, 7))
print(step(g.__anext__()))


async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except GeneratorExit:
        print('closing with', received)
        raise


g = echo()
print(step(g.asend(None)))
print(step(g.asend('a')))
print(step(g.asend('b')))
print(step(g.aclose()))
print(step(g.asend('c')))


async def ign():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = ign()
print(step(g.__anext__()))
print(step(g.aclose()))
print(step(g.athrow(1)))
print(step(g.athrow(TypeError, 1, 2)))
del g


class Pending:
    def __await__(self):
        yield 'pending'


async def slow():
    await Pending()
    yield 'v'


g = slow()
a1 = g.__anext__()
print(step(a1))
a2 = g.__anext__()
print(step(a2))
print(step(g.aclose()))
print(g.ag_running, type(g.ag_await).__name__)
print(step(a1))
a1 = g.__anext__()
print(step(a1))
print(step(a1))


async def bad():
    yield 1
    raise StopAsyncIteration


g = bad()
print(step(g.__anext__()))
print(step(g.__anext__()))


async def bad2():
    yield 1
    raise StopIteration


g = bad2()
print(step(g.__anext__()))
print(step(g.__anext__()))


async def selfref():
    yield 1
    await g.__anext__()


g = selfref()
print(step(g.__anext__()))
print(step(g.__anext__()))


async def c():
    return 1


x = c()
print(step(x))
print(step(x))
x = c()
x.close()
print(step(x))
print(step(ag().asend(1)))
g = ag()
a = g.__anext__()
a.close()
print(step(a))

# throw() into a pending __anext__ awaitable
g = slow()
a = g.__anext__()
print(step(a))
try:
    a.throw(KeyError('k'))
except KeyError as e:
    print('KeyError', e)
print(step(a))
print(step(g.aclose()))


# athrow handled inside the generator
async def handler():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            yield 'handled ' + str(e)


g = handler()
print(step(g.__anext__()))
print(step(g.athrow(ValueError('boom'))))
print(step(g.__anext__()))
print(step(g.athrow(KeyError('bad'))))
print(step(g.__anext__()))


# async generator with try/finally awaiting during aclose
async def cleanup():
    try:
        yield 'one'
    finally:
        await Aw(5)
        print('cleaned')


g = cleanup()
print(step(g.__anext__()))
cl = g.aclose()
print(step(cl))
print(step(cl))


# async with + async for inside an async generator
class ACM:
    async def __aenter__(self):
        print('enter')
        return self

    async def __aexit__(self, *a):
        print('exit', a[0])
        return False


async def nested():
    async with ACM():
        async for v in agen(2):
            yield v + 1


async def collect():
    return [v async for v in nested()]


print(run(collect()))


# early break from async for: the generator stays suspended until closed
async def breaker():
    g = ag()
    async for v in g:
        print('got', v)
        break
    await g.aclose()
    print('closed')


run(breaker())
