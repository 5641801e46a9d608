import imp_circ_a
b_value = 'b'
def use():
    return imp_circ_a.a_value
