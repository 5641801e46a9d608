x = 0
assert (x == 1) and x
