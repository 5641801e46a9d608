# An exception raised while executing a class body (nested class too).
def helper(n):
    return [0][n]

class Outer:
    x = 1
    class Inner:
        y = 2
        z = helper(y)
