class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)
class A(Base, tag='a'): pass
class B(A): pass
print(A.tag, B.tag, Base.registry)
try:
    class C(Base, unknown=1): pass
except TypeError as e:
    print(e)
try:
    class D(wrong=2): pass
except TypeError as e:
    print(e)
class G:
    def __class_getitem__(cls, item):
        return ('cgi', cls.__name__, item)
print(G[int], G[1, 2])
print(list[int], dict[str, int], type(list[int]).__name__)
print(list[int].__origin__, list[int].__args__)
try:
    object[int]
except TypeError as e:
    print(e)
try:
    int[3]
except TypeError as e:
    print(e)
print(tuple[int, ...])
print(list[int] == list[int])
