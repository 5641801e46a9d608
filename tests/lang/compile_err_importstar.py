print(*a)
from os import *
def f():
    from os import *
