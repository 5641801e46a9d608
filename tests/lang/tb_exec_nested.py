def run(code):
    exec(code, {"helper": lambda: 1 / 0})
run("x = 1\ny = helper()\n")
