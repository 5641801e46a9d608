class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("exit failed")
def f():
    with Ctx() as c:
        x = {}["k"]
f()
