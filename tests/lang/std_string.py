import _string
for s in ['a{0}b', 'x{{y}}z', '{a.b[c]!r:>{w}}', '', 'abc', '{}', '{:}', '{!s}', 'a}}', '{0[}', 'a{', '}', '{!}', '{0!rr}', '{0:{1}}end', '{a[{]}', '{0!r:}', 'a{0', '{0!', '{a{b}']:
    try: print(repr(s), list(_string.formatter_parser(s)))
    except Exception as e: print(repr(s), type(e).__name__, e)
for n in ['a.b[c]', '0[1].x', '', 'x', '1', 'a[', 'a.', 'a[]', '[0]', 'a[0]x', 'a.b.', '99999999999999999999999']:
    try: f, r = _string.formatter_field_name_split(n); print(repr(n), repr(f), list(r))
    except Exception as e: print(repr(n), type(e).__name__, e)
