# print: sep, end, flush, no arguments, non-string arguments.
print()
print("a", "b", "c")
print("a", "b", sep="-")
print("a", "b", sep="", end="!\n")
print("no newline", end="")
print(" continued")
print(1, 2.5, None, True, [1], (2,), {3: 4}, sep=" | ")
print("x", sep=None, end=None)
print(*range(5))
print(*"abc", sep=",")
print("flushed", flush=True)
print("")
print("multi\nline")
try:
    print("x", sep=5)
except TypeError as e:
    print(e)
try:
    print("x", end=[])
except TypeError as e:
    print(e)
