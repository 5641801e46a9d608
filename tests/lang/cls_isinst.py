class Meta(type):
    def __instancecheck__(cls, obj):
        print('instcheck', cls.__name__, obj)
        return obj == 42
    def __subclasscheck__(cls, sub):
        print('subcheck', cls.__name__, sub.__name__)
        return sub is int
class Any(metaclass=Meta): pass
print(isinstance(42, Any), isinstance(1, Any), issubclass(int, Any), issubclass(str, Any))
print(isinstance(Any(), Any))
print(isinstance(1, (str, Any)))
print(isinstance(True, int), issubclass(bool, (str, int)), isinstance(1, ()))
try:
    isinstance(1, 1)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
try:
    issubclass(int, 1)
except TypeError as e:
    print(e)
print(isinstance([], (int, (str, list))))
print(isinstance(1, int | str), issubclass(bool, int | None))
