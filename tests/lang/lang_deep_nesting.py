# Deeply nested input must raise clean errors, never crash the compiler.
def attempt(label, src):
    try:
        compile(src, "<deep>", "exec")
        print(label, "compiled")
    except (SyntaxError, RecursionError, MemoryError) as e:
        print(label, type(e).__name__, e)

attempt("sum 100000", "x = " + "+".join(["1"] * 100000))
attempt("sum 500", "x = " + "+".join(["1"] * 500))
attempt("attr chain", "x = a" + ".b" * 50000)
attempt("subscripts", "x = a" + "[0]" * 50000)
attempt("calls", "x = f" + "()" * 50000)
attempt("parens 150", "x = " + "(" * 150 + "1" + ")" * 150)
attempt("parens 300", "x = " + "(" * 300 + "1" + ")" * 300)
attempt("negations", "x = " + "-(" * 10000 + "1" + ")" * 10000)
attempt("nots", "x = " + "not " * 10000 + "1")
src = ""
for i in range(30):
    src += " " * i + "for x in y:\n"
attempt("30 fors", src + " " * 30 + "pass\n")
src = ""
for i in range(1000):
    src += " " * i + "if 1:\n"
attempt("1000 ifs", src + " " * 1000 + "pass\n")
src = ""
for i in range(90):
    src += " " * i + "if x:\n"
attempt("90 ifs", src + " " * 90 + "pass\n")
print(eval("+".join(["1"] * 1000)))
