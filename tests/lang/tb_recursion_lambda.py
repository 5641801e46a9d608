import sys
sys.setrecursionlimit(100)
fact = lambda n: n * fact(n - 1)
fact(5)
