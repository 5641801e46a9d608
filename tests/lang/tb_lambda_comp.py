# Lambdas, list/dict/set comprehensions and generator expressions in a traceback.
import sys

def show(fn):
    try:
        fn()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)

inv = lambda x: 1 / x
show(lambda: [inv(x) for x in range(3)])
show(lambda: {k: k['a'] for k in [{}]})
show(lambda: {int(s) for s in ["1", "x"]})
show(lambda: sum(len(x) for x in [[], 3]))
data = [1, 2, 0]
result = [
    10 // v
    for v in data
]
