e = UnicodeDecodeError('utf-8', b'\xffab', 0, 1, 'invalid start byte')
print(e.encoding, e.object, e.start, e.end, e.reason, str(e), repr(e))
print(str(UnicodeDecodeError('ascii', b'abc\x80\x81', 3, 5, 'bad')))
e = UnicodeEncodeError('ascii', 'a\xe9b', 1, 2, 'ordinal not in range(128)')
print(str(e), e.object, e.start)
print(str(UnicodeEncodeError('ascii', 'a\u1234\U0001f600', 1, 3, 'r')))
print(str(UnicodeEncodeError('ascii', 'a\u1234', 1, 2, 'r')))
print(str(UnicodeEncodeError('ascii', '\U0001f600', 0, 1, 'r')))
e = UnicodeTranslateError('abc', 1, 2, 'why')
print(str(e), e.encoding)
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e)
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print(e)
try:
    UnicodeDecodeError('a')
except TypeError as e:
    print(e)
print(str(UnicodeDecodeError('utf-8', b'abc', 5, 7, 'r')))
