def outer():
    def inner():
        nonlocal_var
    nonlocal_var = 1
    del nonlocal_var
    inner()
outer()
