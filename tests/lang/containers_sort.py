import sys
class V:
    def __init__(s, v): s.v = v
    def __lt__(s, o):
        print('cmp', s.v, o.v); return s.v < o.v
print([x.v for x in sorted([V(i * 37 % 11) for i in range(11)])])
print(sorted([3.0, float('nan'), 1.0, 2.0, float('nan'), 0.5, -1.0]))
for n in (0, 1, 2, 63, 64, 65, 100, 1000, 5000):
    l = [(i * 7919) % 1009 for i in range(n)]
    s = sorted(l)
    assert s == sorted(l, key=lambda x: x) and all(s[i] <= s[i + 1] for i in range(len(s) - 1)), n
    t = sorted([(v % 10, i) for i, v in enumerate(l)], key=lambda p: p[0])
    assert all(t[i][0] < t[i + 1][0] or (t[i][0] == t[i + 1][0] and t[i][1] < t[i + 1][1]) for i in range(len(t) - 1)), n
    r = sorted(l, reverse=True); assert r == s[::-1]
    print(n, s[:5], sum(s))
print(sorted(['b', 'a', 'C', 'aa', ''], key=len, reverse=True))
print(sorted([[2, 1], [1, 2], [1, 1], [2]]))
print(sorted([2**70, -5, 3, 2**64, 0.5]))
