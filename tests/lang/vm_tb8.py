def g(): return h()
def h(): return g()
g()
