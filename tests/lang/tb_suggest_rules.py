# Edge cases of the suggestion rules: case-only changes, long names,
# exact-length limits, candidates with underscores, no candidates.
import sys

def show(fn):
    try:
        fn()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)

class A:
    pass

a = A()
a.abcdefghijklmnopqrstuvwxyz_abcdefghijklmnop = 1
a.XY = 2
a.x = 3
a._private = 4
a.some_long_attribute_name = 5
show(lambda: a.abcdefghijklmnopqrstuvwxyz_abcdefghijklmnoq)
show(lambda: a.xy)
show(lambda: a.y)
show(lambda: a.private)
show(lambda: a.some_lng_atribute_nme)
show(lambda: a.some_long_attribute_name_extra)
show(lambda: a.SOME_LONG_ATTRIBUTE_NAME)
b = A()
for i in range(800):
    setattr(b, "attr%d" % i, i)
show(lambda: b.attr1x)
show(lambda: None.foo)
show(lambda: A.mro_)
e = AttributeError("custom", name="valeu", obj=type("T", (), {"value": 1})())
def raise_it():
    raise e
show(raise_it)
x_variable = 1
raise NameError("hand-made", name="x_variabel")
