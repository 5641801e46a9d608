def level(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        level(n - 1)
    except Exception as e:
        if n % 2:
            raise RuntimeError(f"level {n}") from e
        raise TypeError(f"level {n}")
level(4)
