class A:
    def __init__(self, x):
        self.x = int(x)
objs = list(map(A, ["1", "two"]))
