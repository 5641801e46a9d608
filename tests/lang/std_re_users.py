# Standard modules built on re: string.Template, textwrap, fnmatch, glob.
import string, textwrap, fnmatch, glob

t = string.Template('$who likes ${what}, $$5')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'))
try:
    string.Template('$a $').substitute(a=1)
except ValueError as e:
    print(e)
print(string.capwords('hello   world  foo'), string.Template('${a}b').get_identifiers())
print(textwrap.wrap('The quick brown fox jumps over the lazy dog ' * 3, width=30))
print(textwrap.fill('Hello there, this is a fairly long line of text to wrap.', 20))
print(textwrap.dedent('    a\n      b\n    c'), textwrap.indent('a\nb', '> '))
print(textwrap.shorten('Hello  world! how are you', 15), textwrap.wrap('a-b-c-d e', 3))
print(fnmatch.fnmatch('foo.py', '*.py'), fnmatch.filter(['a.py', 'b.txt', 'c.py'], '*.py'))
print(fnmatch.translate('*.[ch]?'), fnmatch.fnmatchcase('A.PY', '*.py'), fnmatch.fnmatch('x[1]', 'x[[]1]'))
print(sorted(glob.glob('/usr/lib/python3.11/re/_c*.py')), glob.escape('a*b?[c]'), glob.has_magic('a*'))
