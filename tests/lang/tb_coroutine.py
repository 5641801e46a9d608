async def co():
    raise ValueError("in coroutine")
c = co()
try:
    c.send(None)
except ValueError:
    pass
c2 = co()
c2.send(None)
