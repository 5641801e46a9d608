for t in ['bytes.maketrans(b"ab", b"c")','b"abc".translate(b"x")','b"abc".translate(None, b"b")','b"abc".translate(bytes.maketrans(b"a",b"z"), delete=b"c")','b"Ab Cd".istitle()','b"a\\tb".expandtabs()','bytes.maketrans(1,2)', 'bytearray(b"a\\tbc\\td").expandtabs(3)']:
  try: print(t, repr(eval(t)))
  except Exception as e: print(t, type(e).__name__, e)
