# aiter()/anext() and breakpoint() routed through sys.breakpointhook.
import sys

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class Counter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("coroutine suspended")

async def main():
    it = aiter(Counter(2))
    print(await anext(it), await anext(it), await anext(it, "end"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    return "done"

print(run(main()))
show(lambda: aiter(1))
show(lambda: anext(1))
show(lambda: anext(Counter(1), 1, 2))
show(lambda: anext())
class BadAiter:
    def __aiter__(self): return 5
show(lambda: aiter(BadAiter()))
show(lambda: aiter())

calls = []
sys.breakpointhook = lambda *a, **k: calls.append((a, k)) or "hooked"
print(breakpoint(), breakpoint(1, x=2), calls)
del sys.breakpointhook
show(lambda: breakpoint())
print(sys.__breakpointhook__ is not None)
