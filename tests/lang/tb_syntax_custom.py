raise SyntaxError("custom", ("myfile.py", 2, 5, "  x = = 1\n", 2, 8))
