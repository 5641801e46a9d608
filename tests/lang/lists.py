# list methods and operations.
l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5)
l.extend([3, 5])
l.insert(0, 0)
l.insert(-1, 99)
l.insert(100, 100)
print(l, len(l))
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(5), l.count(5), l.index(5, 5))
l.sort()
print(l)
l.sort(reverse=True)
print(l)
l.reverse()
print(l, l.copy() == l, l.copy() is l)
print([1, 2] + [3], [0] * 3, 3 * [1, 2], [[]] * 2)
print(min(l), max(l), sum(l), sorted(l, reverse=True)[:3])
l.clear()
print(l, [] == [], [1, [2, 3]] == [1, [2, 3]])
for bad in (lambda: [].pop(), lambda: [1].remove(2), lambda: [1, 2][5], lambda: [1].index(7)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][0], repr(nested))
words = ["banana", "Apple", "cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
a = [1, 2, 3]
a.append(a)
print(a)
