async def inner():
    return 5
async def outer():
    v = await inner()
    return v + 1
c = outer()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
class Aw:
    def __await__(self):
        yield "suspend"
        return 7
async def use():
    return await Aw()
c = use()
print(c.send(None))
try: c.send(None)
except StopIteration as e: print(e.value)
