# os.path (posixpath) string operations and file queries.
import os
import os.path as p
import posixpath

print(p is posixpath)
for parts in [('a', 'b'), ('/a', 'b', 'c'), ('a', '/b'), ('a/', 'b'), ('', 'x'), ('a', ''), (b'a', b'b')]:
    print(parts, p.join(*parts))
for s in ['/a/b/c.txt', 'a/b/', 'c', '/', '', '//x//y', 'a.tar.gz', '.bashrc', '/a/.b', b'/x/y.z']:
    print(repr(s), p.split(s), p.splitext(s), p.basename(s), p.dirname(s), p.isabs(s))
for s in ['a//b', 'a/./b', 'a/../b', '../a', '/../a', '//a', '///a', '', '.', 'a/b/../../..', b'/x/../y/']:
    print(repr(s), repr(p.normpath(s)))
print(p.splitdrive('/a/b'), p.commonprefix(['/usr/lib', '/usr/local']), p.commonpath(['/usr/lib', '/usr/local']))
try:
    p.commonpath(['/a', 'b'])
except ValueError as e:
    print(e)
print(p.relpath('/a/b/c', '/a'), p.relpath('/a', '/a/b/c'), p.relpath('/x', '/x'))
cwd = os.getcwd()
print(p.abspath('x') == p.join(cwd, 'x'), p.abspath('/a/../b'), p.isabs(p.abspath('.')))
print(p.realpath('/') == '/', p.realpath('/tmp/../tmp') == p.realpath('/tmp'))
home = os.environ.get('HOME')
os.environ['HOME'] = '/home/someone'
print(p.expanduser('~'), p.expanduser('~/x'), p.expanduser('x~'), p.expanduser(b'~/y'))
if home is None:
    del os.environ['HOME']
else:
    os.environ['HOME'] = home
os.environ['PITH_PP'] = 'val'
print(p.normcase('ABC'), p.sep, p.pathsep, p.curdir, p.pardir, p.extsep, p.altsep, p.devnull)

base = '/tmp/pith_std_posixpath_%d' % os.getpid()
os.mkdir(base)
try:
    f = p.join(base, 'file.txt')
    with open(f, 'w') as fh:
        fh.write('12345')
    print(p.exists(f), p.isfile(f), p.isdir(f), p.islink(f), p.getsize(f), p.lexists(f))
    print(p.exists(base), p.isfile(base), p.isdir(base), p.ismount(base), p.ismount('/'))
    missing = p.join(base, 'nope')
    print(p.exists(missing), p.isfile(missing), p.isdir(missing), p.islink(missing))
    try:
        p.getsize(missing)
    except FileNotFoundError as e:
        print('FileNotFoundError', e.strerror)
    os.utime(f, (100, 200))
    print(p.getatime(f), p.getmtime(f), p.getctime(f) > 0)
    os.symlink(f, p.join(base, 'ln'))
    print(p.islink(p.join(base, 'ln')), p.realpath(p.join(base, 'ln')) == p.realpath(f))
    print(p.samefile(f, p.join(base, 'ln')), p.sameopenfile is not None)
    os.symlink(missing, p.join(base, 'dangling'))
    print(p.exists(p.join(base, 'dangling')), p.lexists(p.join(base, 'dangling')))
    print(p.exists('a\0b'), p.isdir(12345678))
finally:
    for n in os.listdir(base):
        os.unlink(p.join(base, n))
    os.rmdir(base)
print(p.exists(base))
