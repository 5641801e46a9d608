# Mutual recursion with three functions, and a RecursionError caught and
# re-raised after a few frames.
import sys

def a(n):
    return b(n + 1)

def b(n):
    return c(n + 1)

def c(n):
    return a(n + 1)

try:
    a(0)
except RecursionError as e:
    print("caught", type(e).__name__)

def ping(n):
    if n == 0:
        raise ValueError("bottom")
    return pong(n - 1)

def pong(n):
    return ping(n)

ping(10)
