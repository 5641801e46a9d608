# dis.Bytecode, COMPILER_FLAG_NAMES, pretty_flags, dis of a class: checks
# that hold for CPython 3.11 and pith alike (the bytecode differs).
import dis, sys
def f(a):
    return a / 0
try:
    f(1)
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    print([i.opname for i in dis.get_instructions(f) if i.offset == tb.tb_lasti])
    b = dis.Bytecode.from_traceback(e.__traceback__)
    print(b.current_offset == tb.tb_lasti, b.dis().count("-->"))
b = dis.Bytecode(f)
print(repr(b).startswith("Bytecode(<function f"), b.first_line, [i.opname for i in b][-1])
print(b.info() == dis.code_info(f), b.codeobj is f.__code__)
print(dis.Bytecode(f, first_line=100).first_line)
print(sorted(dis.COMPILER_FLAG_NAMES.items())[:6])
print(dis.pretty_flags(3), dis.pretty_flags(0x20 | 0x1))
print(isinstance(dis.findlabels(f.__code__.co_code), list))

class Shape:
    sides = 4
    def area(self):
        return self.w * self.h
    @staticmethod
    def unit():
        return Shape()
    @property
    def name(self):
        return "shape"

class Out:
    def __init__(self):
        self.text = []
    def write(self, s):
        self.text.append(s)
o = Out()
dis.dis(Shape, file=o)
text = "".join(o.text)
print([l for l in text.splitlines() if l.startswith("Disassembly of")])
print(text.count("RETURN_VALUE") >= 2, "LOAD_ATTR" in text)
try:
    dis.Bytecode(42)
except TypeError as e:
    print(e)
