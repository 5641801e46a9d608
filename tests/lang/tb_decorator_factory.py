def dec(tag):
    def wrap(fn):
        return tag.upper() + fn
    return wrap
@dec("t")
def f():
    pass
