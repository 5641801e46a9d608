print(int | None, int | str | None, type(int | str))
print((int | str).__args__, isinstance(1, int | str), isinstance(None, int | None), issubclass(bool, int | str))
print((int | str) == (str | int), int | int)
def f(x: int | None = None) -> list[int] | None: return x
print(f(3), list[int], dict[str, int])
