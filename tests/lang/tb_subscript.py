config = {"servers": [{"name": "a", "ports": [80, 443]}]}
def port(i, j):
    return config["servers"][i]["ports"][j]
print(port(0, 1))
print(port(0, 5))
