rows = [(1, 2), (3, 0)]
result = sum(
    a //
    b
    for a, b in rows
)
