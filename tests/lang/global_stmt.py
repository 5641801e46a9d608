# global statement and module-level names seen from functions.
counter = 0
def bump(n=1):
    global counter
    counter += n
    return counter
bump(); bump(5)
print(counter)
def make():
    global created
    created = "yes"
make()
print(created)
def read_only():
    return counter * 2
print(read_only())
x = "module"
def shadow():
    x = "local"
    return x
print(shadow(), x)
