import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(Color.RED, repr(Color.GREEN), Color(1), Color['GREEN'], list(Color), Color.RED.name, Color.RED.value)
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, int(Perm.R | Perm.X), Perm(7), Perm.R in (Perm.R | Perm.W))
class N(enum.IntEnum):
    A = enum.auto()
    B = enum.auto()
print(N.A, N.B + 1, N(2).name)
