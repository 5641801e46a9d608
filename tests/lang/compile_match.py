def m(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2:
            return "one-two"
        case None:
            return "none"
        case [a]:
            return f"one item {a}"
        case [a, b, *rest] if a == b:
            return f"pair-eq {a} rest={rest}"
        case [a, *rest]:
            return f"seq {a} {rest}"
        case {"k": v, **others}:
            return f"map {v} {others}"
        case {"t": 1}:
            return "t1"
        case str() as s:
            return "str " + s
        case int(n) if n > 100:
            return "big"
        case (1, 2) | (3, 4) as pair:
            return f"pair {pair}"
        case _:
            return "other"
for v in [0, 1, 2, None, [5], [3, 3, 4], [1, 2, 3], {"k": 1, "z": 2}, {"t": 1}, "hi", 500, 7, (3, 4), 2.5]:
    print(m(v))
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
def mp(p):
    match p:
        case P(0, y=yy):
            return f"on y axis {yy}"
        case P(x, y):
            return f"P {x} {y}"
print(mp(P(0, 5)), mp(P(1, 2)))
match 42:
    case x:
        print("captured", x)
