# The @ and @= operators (MatMult) with user-defined __matmul__ family.
class Mat:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Mat([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __rmatmul__(self, other):
        return ("rmatmul", other)

    def __repr__(self):
        return "Mat(%r)" % (self.rows,)


a = Mat([[1, 2], [3, 4]])
b = Mat([[5, 6], [7, 8]])
print(a @ b)
print(3 @ a)
c = a
c @= b
print(c, a)


class InPlace:
    def __init__(self):
        self.log = []

    def __imatmul__(self, other):
        self.log.append(other)
        return self


x = InPlace()
x @= 1
x @= "two"
print(x.log)
try:
    1 @ 2
except TypeError as e:
    print(e)
try:
    y = 5
    y @= 2
except TypeError as e:
    print(e)
print((lambda m, n: m @ n)(a, b).rows)
