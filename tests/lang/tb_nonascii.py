# Non-ASCII identifiers and source text: carets count characters.
import sys

def show(fn):
    try:
        fn()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)

def größe(wert):
    return wert["länge"] + 1

def café():
    return "日本語" + größe({"länge": None})

show(café)
π = 3
show(lambda: π / (π - 3))
données = {"clé": 1}
show(lambda: données["clé"] + "€")
show(lambda: "ünïcödé".nope)
naïve = "😀😀" + 1
