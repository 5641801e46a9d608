# async for / async with inside coroutines, driven by hand (no event loop).
class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.i += 1
        if self.i > self.n:
            raise StopAsyncIteration
        return self.i


class Ctx:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow

    async def __aenter__(self):
        print("enter", self.name)
        return self.name.upper()

    async def __aexit__(self, tp, val, tb):
        print("exit", self.name, tp.__name__ if tp else None)
        return self.swallow


async def loops():
    total = 0
    async for i in Counter(4):
        if i == 3:
            continue
        total += i
    else:
        print("else ran", total)
    async for j in Counter(10):
        if j == 2:
            break
    else:
        print("not printed")
    print("broke at", j)
    return [k async for k in Counter(3)]


async def withs():
    async with Ctx("a") as a, Ctx("b") as b:
        print("body", a, b)
    async with Ctx("c", swallow=True):
        raise ValueError("swallowed")
    try:
        async with Ctx("d"):
            raise KeyError("k")
    except KeyError as e:
        print("caught", repr(e))
    return "withs done"


def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("coroutine suspended")


print(run(loops()))
print(run(withs()))
