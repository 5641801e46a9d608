# DeprecationWarning from C code (pith_warn): shown in __main__, once per location
class BI(int):
    pass
class RetBI:
    def __index__(self):
        return BI(1)
print([5, 6][RetBI()])
for i in range(3):
    print('abc'[RetBI()])
def f():
    return [7, 8][RetBI()]
print(f(), f())
print(range(10)[RetBI()])
