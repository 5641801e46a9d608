table = {"a": 1}
print(table["a"])
print(table["b"])
