def outer():
    counter = 0
    def inner():
        return countr + 1
    return inner()
try:
    outer()
except NameError as e:
    print(e)
import sys
try:
    sys.getrecursionlimt()
except AttributeError as e:
    print(e)
class P:
    def __init__(self):
        self.velocity = 1
    def go(self):
        return velocity
P().go()
