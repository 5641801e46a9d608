# Lists, dicts and strings: appends, lookups, method calls, iteration.
def work(n):
    d = {}
    words = []
    for i in range(n):
        k = "k" + str(i % 1000)
        d[k] = d.get(k, 0) + i
        words.append(k)
    s = 0
    for w in words:
        s += len(w) + d[w] % 3
    lst = sorted(d.values(), reverse=True)
    return s, lst[:3], len(" ".join(words[:1000]).split())


print(work(300000))
