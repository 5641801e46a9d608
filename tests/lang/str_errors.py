fl = 1.5
tests = [
 "format('x','abc')", "format('x','+')", "format('x','#')", "format('x','=5')", "format('x',',')", "format('x','d')",
 "format('x','.')", "format('x','5.5.5')", "format('x', 'zs')","format('x','_')",
 "'{'.format(1)", "'}'.format(1)", "'{0'.format(1)", "'{}{0}'.format(1)", "'{0}{}'.format(1)", "'{1}'.format(1)", "'{x}'.format(1)",
 "'{!}'.format(1)", "'{!x}'.format(1)", "'{0!r'.format(1)", "'{0.}'.format(1)", "'{0[}'.format(1)", "'{0[0]x}'.format([1])",
 "'{:{:{}}}'.format(1,2,3)", "'{0!rr}'.format(1)", "'{a.b}'.format(a=1)", "'{0[a]}'.format(1)", "'{:}}'.format(1)",
 "'%d' % ()", "'%d %d' % (1,)", "'%d' % (1,2)", "'%' % 1", "'%y' % 1", "'%(a)s' % 1", "'%(a' % {}", "'%*d' % ('a', 1)",
 "'%d' % 'a'", "'%x' % 1.5", "'%f' % 'a'", "'%c' % 'ab'", "'%c' % 1.5", "'%c' % -1", "'%s' % ()", "'a' % 1", "'%.*f' % (1.5, 2)",
 "'%(a)s %s' % {'a':1}", "'{:d}'.format('a')", "'{0:=5}'.format('a')", "format('ab', '0>5')","'{:%}'.format('a')",
 "str(b'x', 1)", "str('x','utf-8')", "str(1,'utf-8')", "'a'.encode('foo')", "b'\\xff'.decode()", "b'\\xe4\\xb8'.decode()", "b'\\xe4\\xb8\\x41'.decode()",
 "'\\ud800\\udc00x'.encode()", "'\\xe9'.encode('ascii')", "'\\u1234'.encode('latin-1')", "b'\\xe9'.decode('ascii')", "'a'.encode('utf-8','foo')", "'\\xe9'.encode('utf-8','foo')",
 "b'a'.decode('utf-8', 'foo')", "'abc'[fl]", "1 in 'a'", "'a'+1", "'abc'[5]", "'x'.center(5,'ab')", "'x'.center(5,1)",
 "'a'.index('b')", "'a'.split('')", "'a'.join([1])", "''.join(1)", "'a'.count()", "'a'.find(1)", "'a'.startswith(1)", "'a'.startswith((1,))",
 "'a'.replace('a')", "'a'.strip(1)", "str.maketrans(1)", "str.maketrans('ab','c')", "str.maketrans({'ab':1})","'a'.translate(1)", "'a'.removeprefix(1)",
 "'a'.partition('')", "'a'.rsplit('')", "'a'.encode(1)", "'a'.split(1)", "'%s %s' % [1,2]", "'%i' % None",
 "b'abc'[5]", "b'a' + 'b'", "bytes('a')", "bytes(-1)", "bytes([256])", "bytes(['a'])", "bytes(1.5)", "b'a'.find('a')", "bytearray(b'a')[3]", "hash(bytearray())",
 "b'x'.decode('ascii', 'strict')", "bytes.fromhex('zz')", "b''.join([1])", "b'a'.split(b'')",
]
for t in tests:
    try:
        r = eval(t)
        print(t, '->', repr(r))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
