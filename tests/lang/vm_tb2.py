def gen():
    yield 1
    raise ValueError("in gen")
def use():
    for x in gen():
        pass
use()
