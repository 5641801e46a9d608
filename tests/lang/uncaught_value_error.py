def parse(s):
    return int(s)

numbers = [parse(s) for s in ["1", "2", "three"]]
