e = ValueError("v")
e.__notes__ = ("tuple note",)
try:
    raise e
except ValueError as x:
    import traceback
    traceback.print_exc()
e2 = TypeError("t")
e2.__notes__ = "just a string"
raise e2
