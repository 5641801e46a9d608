for args in [(), ('m',), (2, 'No such file'), (2, 'nf', 'f.txt'), (2, 'nf', 'a', None, 'b'), (13, 'perm'), (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, e.filename2, str(e), repr(e))
for errno in [1, 2, 4, 10, 11, 13, 17, 20, 21, 32, 104, 110, 111, 3, 99999]:
    print(errno, type(OSError(errno, 'x')).__name__)
print(IOError is OSError, EnvironmentError is OSError)
print(type(FileNotFoundError(13, 'x')).__name__)
e = FileNotFoundError(2, 'No such file or directory', 'x')
print(e, e.errno)
try:
    open('/nonexistent/zz')
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e)
