# Exceptions raised in finally blocks replace the pending one (as context).
def cleanup():
    raise OSError("cleanup failed")

def work():
    try:
        raise ValueError("work failed")
    finally:
        cleanup()

def outer():
    try:
        work()
    finally:
        print("outer finally runs")

outer()
