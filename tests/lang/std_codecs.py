import codecs, encodings
print('x'.encode('utf-16'))
print(b'\x80abc\xe9'.decode('cp1252'))
print('h\u20acllo'.encode('cp1252'))
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'\xe2\x82')), repr(d.decode(b'\xac', final=True)))
print(codecs.lookup('UTF8').name, codecs.lookup('latin1').name)
print(codecs.encode('abc', 'rot13'))
print('\xe9\n'.encode('unicode_escape'), b'\\xe9\\n\\u20ac'.decode('unicode_escape'))
print(codecs.escape_decode(b'a\\x41\\n'), codecs.escape_encode(b"a'\n\x00"))
try: 'x'.encode('rot13')
except LookupError as e: print(e)
try: 'x'.encode('nope')
except LookupError as e: print(e)
try: b'\x81'.decode('cp1252')
except UnicodeDecodeError as e: print(e)
print('\u20ac\U0001F600'.encode('utf-16-be'), '\u20ac'.encode('utf-32'))
print(codecs.utf_16_ex_decode(b'\xff\xfea\x00b', 'strict', 0, False))
print(codecs.lookup_error('strict'), codecs.lookup_error('replace')(UnicodeEncodeError('ascii','a\xe9',1,2,'x')))
print('a\udcff'.encode('utf-8','surrogateescape'))
print(b'\xff'.decode('ascii', 'surrogateescape'))
print('ab\u20ac'.encode('cp437', 'replace'), 'ab\u20ac'.encode('latin-1', 'xmlcharrefreplace'))
# more of _codecs
import _codecs
print(_codecs.utf_8_decode(b"ab\xe2\x82", "strict", False), _codecs.utf_8_decode(b"ab\xe2\x82\xac", None, True))
try:
    _codecs.utf_8_decode(b"ab\xe2\x82", "strict", True)
except UnicodeDecodeError as e:
    print(e)
print(_codecs.utf_16_le_decode(b"a\x00b", None, False), _codecs.utf_32_be_encode("hi"))
print(_codecs.latin_1_encode("é"), _codecs.ascii_decode(b"abc"), _codecs.utf_8_encode("é"))
print(_codecs.charmap_decode(b"\x00\x01", "strict", "xy"), _codecs.charmap_encode("yx", "strict", {ord("x"): 1, ord("y"): 2}))
print(_codecs.raw_unicode_escape_encode("a\u20ac\\n"), _codecs.raw_unicode_escape_decode(b"a\\u20ac\\n"))
print(_codecs.unicode_escape_decode(b"\\t\\101\\x41\\u0041\\U00000041"))
for bad in [b"\\x4", b"\\u12", b"\\"]:
    try:
        _codecs.unicode_escape_decode(bad)
    except UnicodeDecodeError as e:
        print(e)
print(codecs.encode("abc", "utf-16-be"), codecs.decode(b"\x00a", "utf-16-be"))
print(codecs.lookup("utf-8").incrementalencoder().encode("€"))
enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"))
dec = codecs.getincrementaldecoder("utf-16")()
print(repr(dec.decode(b"\xff")), repr(dec.decode(b"\xfea")), repr(dec.decode(b"\x00")))
def handler(exc):
    return ("<%d>" % exc.start, exc.end)
codecs.register_error("pith.test", handler)
print(codecs.lookup_error("pith.test") is handler)
print(codecs.charmap_encode("a\u20acb", "pith.test", {97: 97, 98: 98, ord("<"): 60, ord(">"): 62, ord("1"): 49}) if False else "skip")
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print(e)
print(codecs.decode(b"caf\xe9", "latin-1"), "é".encode("iso8859-15"), b"\xa4".decode("iso8859_15"))
print("Ω".encode("cp737", "replace"), b"\x80".decode("mac-roman"))
print(codecs.utf_16_ex_decode(b"\xfe\xff\x00a", "strict", 0, True))
import os
path = "/tmp/pith_codecs_%d.txt" % os.getpid()
with codecs.open(path, "w", encoding="utf-16") as f:
    f.write("codecs.open\n")
with codecs.open(path, "r", encoding="utf-16") as f:
    print(repr(f.read()))
with open(path, encoding="utf-16") as f:
    print(f.readlines())
os.remove(path)
import encodings
print(encodings.normalize_encoding("Latin 1"), encodings.search_function("latin_1").name)
sr = codecs.getreader("utf-8")
import io
print(sr(io.BytesIO("x\ny".encode())).readlines())
print(codecs.BOM_UTF8, codecs.iterdecode([b"\xc3", b"\xa9"], "utf-8").__next__())
print("".join(codecs.iterdecode([b"\xc3", b"\xa9!"], "utf-8")))

# custom error handlers used by str.encode / bytes.decode
def h(exc):
    return ("[%s]" % ascii(exc.object[exc.start:exc.end]), exc.end)
codecs.register_error("brackets", h)
try:
    "a€".encode("ascii", lambda e: 0)
except TypeError as e:
    print(e)
codecs.register_error("nonascii", lambda e: ("\xe9", e.end))
try:
    "a€".encode("ascii", "nonascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
print("a€b€€".encode("ascii", "brackets"), "é".encode("latin-1", "brackets"), "x\udc80".encode("utf-8", "brackets"))
def hd(exc):
    return ("<%02x>" % exc.object[exc.start], exc.start + 1)
codecs.register_error("hexd", hd)
print(b"a\xffb\xfe".decode("ascii", "hexd"), b"a\xff\xfeb".decode("utf-8", "hexd"), b"\xff\xd8a".decode("utf-16-le", "hexd"))
def skip2(exc):
    return ("", exc.end + 1)
codecs.register_error("skip2", skip2)
print("é123".encode("ascii", "skip2"))
def bad(exc):
    return 1
codecs.register_error("bad", bad)
for f in [lambda: "é".encode("ascii", "bad"), lambda: b"\xff".decode("utf-8", "bad"), lambda: "é".encode("ascii", "nohandler"),
          lambda: codecs.register_error("x", 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print("abc".encode("ascii", "nohandler"), "é".encode("ascii", "namereplace") if False else "")
