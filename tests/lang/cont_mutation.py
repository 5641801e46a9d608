# Containers mutated while in use, range slicing with huge bounds, views.
import sys

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

def grow_dict():
    d = {1: 1, 2: 2}
    for k in d:
        d[k + 10] = 0
show(grow_dict)
def shrink_dict():
    d = {1: 1, 2: 2, 3: 3}
    for k in d.values():
        d.pop(3, None)
show(shrink_dict)
def items_dict():
    d = {"a": 1}
    for k, v in d.items():
        del d["a"]
show(items_dict)
def same_size_dict():
    d = {1: 1, 2: 2}
    out = []
    for k in d:
        d[k] = k * 10  # overwriting values is allowed
        out.append(k)
    return out, d
show(same_size_dict)
def reversed_dict():
    d = {1: 1, 2: 2}
    for k in reversed(d):
        d[3] = 3
show(reversed_dict)
def grow_set():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 100)
show(grow_set)
def shrink_set():
    s = {1, 2, 3}
    for x in s:
        s.discard(x)
show(shrink_set)
def frozen_iter():
    return sorted(x for x in frozenset({3, 1, 2}))
show(frozen_iter)
def append_during_iteration():
    l = [1, 2, 3]
    for x in l:
        if x < 5: l.append(x + 3)
    return l
show(append_during_iteration)

# list.sort
def mutating_key():
    l = [3, 1, 2]
    def key(x):
        l.append(x)
        return x
    l.sort(key=key)
show(mutating_key)
def clearing_cmp():
    class Bad:
        def __init__(self, v): self.v = v
        def __lt__(self, other):
            data.clear()
            return self.v < other.v
    data = [Bad(3), Bad(1), Bad(2)]
    data.sort()
show(clearing_cmp)
def raising_key():
    l = [3, 1, 2]
    try:
        l.sort(key=lambda x: 1 / (x - 1))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    return sorted(l)
show(raising_key)
show(lambda: [1, "a"].sort())
show(lambda: [3, 1].sort(lambda x: x))
show(lambda: sorted([3, 1], cmp=None))
partly = list(range(0, 2000, 2)) + list(range(1999, 0, -2)) + [5] * 50 + list(range(300))
s = sorted(partly)
print(len(s), s[:5], s[-3:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
pairs = [(i % 7, i) for i in range(100)]
st = sorted(pairs, key=lambda p: p[0])
print(st[:4], all(st[i][1] < st[i + 1][1] for i in range(99) if st[i][0] == st[i + 1][0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True)[:3])

# range with huge values
big = range(10**30)
print(big[10**29::10**28], len(big[10**29::10**28]))
print(big[-10**29:], big[::-3][:3], big[5:-5:10**27][-1])
print(range(0, 10**30, 7)[::-3][:5], range(-10**20, 10**20, 3)[10**19:-10**19:-1])
print(range(10)[::-1][2:100:3], range(-5, 5)[-100:100], range(10)[10**40:], range(10)[-10**40:2])
print(big[10**29], big[-1], 10**29 in big, 10**30 in big, range(0, 10**30, 3).count(9))
show(lambda: len(range(0, 10**30, 3)))
show(lambda: len(big))
show(lambda: big[10**30])
show(lambda: range(10)[::0])
print(range(10**20, 10**20 + 5)[1:3], list(range(10**20, 10**20 + 3)))

# views, sys.int_info, generic aliases
d = {"a": 1, "b": 2}
print(d.keys().mapping, d.values().mapping, d.items().mapping["b"], type(d.keys().mapping).__name__)
print(sys.int_info.bits_per_digit, sys.int_info.sizeof_digit)
print(list[int], dict[str, list[int]], tuple[int, ...], set[str], frozenset[int])
print(list.__class_getitem__(int), dict.__class_getitem__((str, int)))
print(type(list[int]).__name__, list[int].__origin__, dict[str, int].__args__)
class MyList(list): pass
print(MyList[int])
