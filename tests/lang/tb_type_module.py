class E(Exception):
    pass
E.__module__ = "mymod"
class F(Exception): pass
F.__module__ = None
try:
    raise E("a")
except E:
    raise F("b")
