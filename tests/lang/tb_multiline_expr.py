def f(v):
    return {"k": v}
x = (
    f(1)["k"] +
    f(2)["k"] +
    f(3)["missing"]
)
