try:
    try:
        raise KeyError("first")
    except KeyError as e:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)]) from e
except ExceptionGroup as g:
    raise RuntimeError("after group")
