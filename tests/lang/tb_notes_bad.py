class BadNote:
    def __str__(self):
        raise ValueError("no")
e = KeyError("k")
e.add_note("fine")
e.__notes__.append(BadNote())
e.__notes__.append(42)
raise e
