a = 10
_b = 20
def f():
    return 'f from imp_plain'
