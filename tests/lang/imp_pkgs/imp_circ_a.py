import imp_circ_b
a_value = 'a'
def use():
    return imp_circ_b.b_value
