class A:
    def __init__(self):
        self.items = [1]
    def __getitem__(self, k):
        return self.items[k]
a = A()
v = a[0] + a[1] * a[2]
