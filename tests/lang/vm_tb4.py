def a():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
def b():
    try:
        a()
    finally:
        print("cleanup")
b()
