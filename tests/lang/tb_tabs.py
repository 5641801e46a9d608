# Tabs in source lines: the line is shown with its tabs kept after the
# leading whitespace is stripped.
import sys

def f(x):
	if x:
		return x	+	"s"

def g():
	y = [1,	2]
	return y[	5	]

try:
	f(1)
except TypeError as e:
	sys.excepthook(type(e), e, e.__traceback__)
g()
