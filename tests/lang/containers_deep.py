a = []
for i in range(10**6): a = [a]
del a
t = ()
for i in range(10**6): t = (t,)
del t
d = {}
for i in range(10**6): d = {1: d}
del d
s = frozenset()
for i in range(10**5): s = frozenset([s])
del s
m = []
for i in range(10**5): m = [{'k': (m,)}]
del m
print("ok")
l = []
for i in range(100): l = [l]
try: print(repr(l)[:10])
except RecursionError as e: print("rec")
l2 = []
for i in range(10000): l2 = [l2]
try: repr(l2)
except RecursionError as e: print("rec", e)
