class Weird(Exception):
    def __repr__(self):
        raise RuntimeError("repr broken")
    def __str__(self):
        return "weird str"
try:
    raise Weird()
except Weird as e:
    print("str:", str(e))
class Weird2(Exception):
    def __str__(self):
        raise RuntimeError("str broken")
raise Weird2("x")
