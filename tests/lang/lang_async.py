# async for / async with / async comprehensions driven by a tiny event loop.
class Sleep:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield self.tag
        return got

class Ticker:
    def __init__(self, name, n):
        self.name, self.n, self.i = name, n, 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Sleep(f"{self.name}:{self.i}")
        return self.i * 10

class Resource:
    log = []
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await Sleep("open " + self.name)
        Resource.log.append("open " + self.name)
        return self
    async def __aexit__(self, t, v, tb):
        await Sleep("close " + self.name)
        Resource.log.append(f"close {self.name} {t.__name__ if t else None}")
        return t is KeyError

def loop(tasks):
    """Round-robin scheduler: each yielded value is logged, the task resumed
    with the length of that value."""
    results = {}
    queue = [(name, coro, None) for name, coro in tasks]
    while queue:
        name, coro, val = queue.pop(0)
        try:
            tag = coro.send(val)
        except StopIteration as e:
            results[name] = e.value
            continue
        except Exception as e:
            results[name] = "error: " + type(e).__name__ + ": " + str(e)
            continue
        print(f"  [{name}] {tag}")
        queue.append((name, coro, len(tag)))
    return results

async def consumer(n):
    total = 0
    async for v in Ticker("t", n):
        total += v
        if v >= 30:
            break
    else:
        total = -total
    return total

async def with_user():
    async with Resource("a") as ra, Resource("b"):
        got = await Sleep("inside " + ra.name)
    async with Resource("c"):
        raise KeyError("swallowed")
    for i in range(3):
        async with Resource(f"l{i}"):
            if i == 1:
                continue
            if i == 2:
                break
    async with Resource("r"):
        return got

async def comps():
    a = [v async for v in Ticker("c", 3)]
    b = {v: await Sleep(f"sq{v}") async for v in Ticker("d", 2) if v > 10}
    c = [await Sleep(s) for s in ("x", "yy")]
    return a, b, c

async def failing():
    async for v in Ticker("f", 5):
        if v == 20:
            raise ValueError("boom at 20")

async def bad_iter():
    async for v in [1, 2]:
        pass

async def bad_ctx():
    async with object():
        pass

class NoNext:
    def __aiter__(self):
        return 1

async def bad_aiter():
    async for v in NoNext():
        pass

res = loop([("c2", consumer(2)), ("c9", consumer(9)), ("w", with_user()),
            ("comp", comps()), ("fail", failing()), ("bi", bad_iter()),
            ("bc", bad_ctx()), ("ba", bad_aiter())])
for k in sorted(res):
    print(k, res[k])
print(Resource.log)

for src in ["async def f():\n    yield 1\n    [x async for x in y]\n",
            "def f():\n    async for x in y: pass\n",
            "def f():\n    async with y: pass\n",
            "async def f():\n    async with a as b, c as d:\n        return 1\n"]:
    try:
        compile(src, "s", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e)
