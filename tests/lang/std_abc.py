import abc
class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
try: Base()
except TypeError as e: print(e)
class Impl(Base):
    def f(self): return 'ok'
print(Impl().f(), isinstance(Impl(), Base), issubclass(Impl, Base))
class Reg(abc.ABC): pass
Reg.register(int); print(isinstance(1, Reg), issubclass(str, Reg))
