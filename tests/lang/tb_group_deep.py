# Deeply nested exception groups: max_group_depth is 10.
def nest(n):
    g = ValueError("leaf")
    for i in range(n):
        g = ExceptionGroup("level %d" % i, [g])
    return g

raise nest(12)
