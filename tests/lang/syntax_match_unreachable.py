def f(x):
    match x:
        case [a, 1] | (a, 2):
            pass
        case {"k": (b as c)} if c:
            pass
        case Point(x=xx) | Point(y=xx):
            pass
        case other:
            pass
        case 1:
            pass
