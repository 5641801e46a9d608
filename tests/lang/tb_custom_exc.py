# Custom exception classes: subclasses, __init__ with extra arguments,
# class attribute __module__ changes, nested class qualnames.
import sys

class AppError(Exception):
    pass

class DbError(AppError):
    def __init__(self, table, code):
        super().__init__("table %s failed with %d" % (table, code))
        self.table = table

class Holder:
    class Inner(LookupError):
        pass

class Renamed(Exception):
    pass
Renamed.__module__ = "somewhere.else"

class NoArgs(Exception):
    pass

def show(e):
    sys.excepthook(type(e), e, e.__traceback__)

show(DbError("users", 3))
show(Holder.Inner("nested"))
show(Renamed("moved"))
show(NoArgs())
show(AppError("a", 1, None))

def deep():
    raise DbError("orders", 7)
deep()
