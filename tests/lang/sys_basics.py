import sys
print(sys.argv[0].endswith("sys_basics.py"), len(sys.argv))
print(sys.getrecursionlimit(), sys.maxsize, sys.byteorder, sys.platform)
print(sys.version_info[:2] >= (3, 11), sys.version_info[0], type(sys.modules).__name__, "sys" in sys.modules)
sys.stdout.write("via sys.stdout\n")
sys.stderr.write("to stderr\n")
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("limit works:", e)
print(sys.intern("abc") is sys.intern("ab" + "c"))
