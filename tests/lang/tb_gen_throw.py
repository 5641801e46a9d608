def g():
    try:
        yield 1
    except ValueError:
        raise TypeError("converted")
it = g()
next(it)
it.throw(ValueError("thrown"))
