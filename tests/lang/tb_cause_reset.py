try:
    try:
        1/0
    except ZeroDivisionError as e:
        raise KeyError("k") from e
except KeyError as k:
    k.__suppress_context__ = False
    k.__cause__ = None
    raise
