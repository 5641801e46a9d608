# Create and drop small reference cycles: self-referencing instances and
# dict <-> instance pairs. Only the cycle collector can free them, so peak
# memory must stay flat however many are made. Argument: number of cycles
# (default 10 million).
import gc
import sys

class Node:
    pass

def churn(n):
    for i in range(n // 2):
        a = Node()
        a.me = a
        d = {}
        b = Node()
        b.d = d
        d["b"] = b

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
churn(n)
st = gc.get_stats()
print("cycles:", n, "collections per generation:", [s["collections"] for s in st])
