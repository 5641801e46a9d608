class S(str):
    pass
s = S('hello')
print(s, repr(s), type(s).__name__, len(s), s.upper(), type(s.upper()).__name__, s + '!', s == 'hello', hash(s) == hash('hello'), s[1:3], 'ell' in s)
print(type(str(s)).__name__, isinstance(s, str), {s: 1}['hello'], '{}'.format(s), '%s' % s, f'{s:>7}')
class T(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
    def __repr__(self):
        return 'T(' + str.__repr__(self) + ')'
t = T('abc')
t.extra = 5
print(t, repr(t), t.extra, t.lower(), [t], str.__str__(t))
class B(bytes):
    pass
b = B(b'xyz')
print(b, type(b).__name__, len(b), b[0], b.upper(), b == b'xyz')
class U(str):
    __slots__ = ('a',)
u = U('q'); u.a = 3
print(u, u.a, U('ü' * 3), U('😀').encode())
print(str.__new__(S, 'x'), type(str.__new__(S, 'x')).__name__, S(), repr(S(b'ab', 'ascii')))
