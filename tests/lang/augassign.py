# Augmented assignment: names, subscripts, lists are mutated in place.
n = 1
n += 2; n *= 5; n -= 1; n //= 3; n **= 2; n %= 7
print(n)
s = "ab"
s += "cd"
s *= 2
print(s)
l = [1]
alias = l
l += [2, 3]
l *= 2
print(l, alias, l is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
d = {"a": 1}
d["a"] += 10
d["b"] = 0
d["b"] -= 5
print(d)
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
print(grid)
f = 1.5
f += 1
f /= 2
print(f)
