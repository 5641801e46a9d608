# await on bad objects: CPython's TypeError/RuntimeError messages.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
    except Exception as e:
        print('EXC', type(e).__name__, e)


class A:
    def __await__(self):
        return 5


made = []


class B:
    def __await__(self):
        async def c():
            pass
        made.append(c())
        return made[-1]


class Pend:
    def __await__(self):
        yield


async def inner():
    await Pend()


async def m1():
    await A()


async def m2():
    await B()


async def m3():
    await 3


run(m1())
run(m2())
made[0].close()
run(m3())
co = inner()
co.send(None)


async def m4():
    await co


run(m4())
co.close()


async def done():
    return 'd'


d = done()
print(run(d))


async def m6():
    return await d


run(m6())


class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(self.n)
        return self.n


class Good:
    def __await__(self):
        return It()


async def m7():
    return await Good()


print(run(m7()))


def delegator():
    r = yield from It()
    print('yield from value', r)


print(list(delegator()))
