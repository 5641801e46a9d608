src = """
def f(x):
    return x / 0
"""
ns = {}
exec(src, ns)
try:
    ns["f"](1)
except ZeroDivisionError as e:
    print("caught", e)
print(eval("1 + 2"))
eval("[1, 2][5]")
