def f():
    raise SystemExit(3)
f()
