try:
    raise ExceptionGroup("outer", [ExceptionGroup("mid", [ExceptionGroup("in", [ValueError("x")])]), KeyError("k")])
except* ValueError as g:
    raise RuntimeError("handler failed")
