data = {"a": 1, "b": 0, "c": 2}
print([100 // v for v in data.values() if v])
print({k: 100 // v for k, v in data.items() if v})
print({100 // v for v in data.values() if v})
total = sum(100 // v for v in data.values())
