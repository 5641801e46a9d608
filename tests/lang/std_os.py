# os / posix: files, directories, stat, environ, errors (in a private temp dir).
import os, sys, stat, errno

base = '/tmp/pith_std_os_%d' % os.getpid()
os.mkdir(base)
try:
    print(os.name, os.sep, os.curdir, os.pardir, os.extsep, repr(os.altsep), os.pathsep,
          repr(os.linesep), os.devnull)
    print(os.path is sys.modules['os.path'], os.path.__name__)
    print(os.error is OSError, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
    print(os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.O_RDONLY, os.O_WRONLY, os.O_RDWR)

    # low-level file descriptors
    fn = os.path.join(base, 'data.bin')
    fd = os.open(fn, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(type(fd).__name__, os.write(fd, b'hello world\n'), os.write(fd, bytearray(b'xyz')))
    print(os.write(fd, memoryview(b'123')))
    os.close(fd)
    fd = os.open(fn, os.O_RDONLY)
    print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
    print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 3), os.lseek(fd, -2, os.SEEK_END), os.read(fd, 10))
    print(os.isatty(fd), os.get_inheritable(fd), os.get_blocking(fd))
    fd2 = os.dup(fd)
    print(fd2 != fd, os.get_inheritable(fd2))
    os.close(fd2)
    st = os.fstat(fd)
    print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_IMODE(st.st_mode) == 0o644 & ~os.umask(0o022))
    os.close(fd)
    try:
        os.close(fd)
    except OSError as e:
        print(type(e).__name__, e.errno == errno.EBADF, e)
    r, w = os.pipe()
    os.write(w, b'through the pipe')
    os.close(w)
    print(os.read(r, 100), os.read(r, 100))
    os.close(r)

    # stat results
    st = os.stat(fn)
    print(type(st).__name__, type(st), len(st), st[6], st.st_size, st[stat.ST_SIZE])
    print(isinstance(st, tuple), type(st.st_mtime).__name__, type(st[8]).__name__, st[8] == int(st.st_mtime))
    print(st.st_mtime_ns // 10**9 == st[8], st.st_nlink, st.st_uid == os.getuid())
    print(os.stat_result.n_fields, os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields)
    fake = os.stat_result(range(10))
    print(fake)
    print(fake.st_atime, fake.st_atime_ns, fake[7:])
    try:
        os.stat_result((1, 2))
    except TypeError as e:
        print(e)
    os.utime(fn, (1000000000, 1200000000))
    st = os.stat(fn)
    print(st.st_atime, st.st_mtime, st.st_mtime_ns)
    os.utime(fn, ns=(5 * 10**9 + 5, 7 * 10**9 + 250000000))
    print(os.stat(fn).st_mtime, os.stat(fn).st_atime_ns)
    for bad in [dict(times=(1, 2), ns=(1, 2)), dict(times=5), dict(ns=5)]:
        try:
            os.utime(fn, **bad)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)

    # directories
    d = os.path.join(base, 'sub')
    os.mkdir(d)
    os.makedirs(os.path.join(d, 'a', 'b', 'c'))
    os.makedirs(os.path.join(d, 'a', 'b'), exist_ok=True)
    for n in ['x.txt', 'y.txt']:
        with open(os.path.join(d, n), 'w') as f:
            f.write(n * 3)
    print(sorted(os.listdir(d)), sorted(os.listdir(os.fsencode(d))))
    with os.scandir(d) as it:
        ents = sorted(it, key=lambda e: e.name)
    for e in ents:
        print(repr(e), e.name, e.path == os.path.join(d, e.name), e.is_dir(), e.is_file(),
              e.is_symlink(), e.stat().st_size if e.is_file() else '-', e.inode() == os.stat(e.path).st_ino,
              os.fspath(e) == e.path)
    old = os.getcwd()
    os.chdir(d)
    print(os.getcwd() == os.path.realpath(d), sorted(os.listdir()), sorted(e.path for e in os.scandir()))
    print(sorted(e.path for e in os.scandir('a')))
    os.chdir(old)
    walked = [(os.path.relpath(p, d), sorted(ds), sorted(fs)) for p, ds, fs in os.walk(d)]
    print(sorted(walked))
    print([os.path.relpath(p, d) for p, ds, fs in os.walk(d, topdown=False)])

    # rename / replace / links / chmod / access
    src = os.path.join(d, 'x.txt')
    dst = os.path.join(d, 'z.txt')
    os.rename(src, dst)
    print(os.path.exists(src), os.path.exists(dst))
    os.replace(dst, src)
    os.symlink('x.txt', os.path.join(d, 'link'))
    print(os.readlink(os.path.join(d, 'link')), os.path.islink(os.path.join(d, 'link')))
    print(os.lstat(os.path.join(d, 'link')).st_size, os.stat(os.path.join(d, 'link')).st_size)
    os.link(src, os.path.join(d, 'hard'))
    print(os.stat(src).st_nlink)
    os.chmod(src, 0o600)
    print(oct(stat.S_IMODE(os.stat(src).st_mode)), os.access(src, os.R_OK), os.access(os.path.join(d, 'nope'), os.F_OK))
    os.truncate(src, 2)
    print(os.path.getsize(src))

    # errors carry errno and filename
    missing = os.path.join(base, 'missing')
    for call in [lambda: os.stat(missing), lambda: os.listdir(missing), lambda: os.rmdir(d),
                 lambda: os.mkdir(d), lambda: os.unlink(missing), lambda: os.open(missing, os.O_RDONLY),
                 lambda: os.rename(missing, missing + '2'), lambda: os.chdir(src),
                 lambda: os.readlink(src), lambda: os.remove(missing)]:
        try:
            call()
        except OSError as e:
            print(type(e).__name__, errno.errorcode[e.errno],
                  e.filename.replace(base, '<base>'), e.filename2 and e.filename2.replace(base, '<base>'),
                  e.strerror)
    try:
        os.stat(os.fsencode(missing))
    except FileNotFoundError as e:
        print(type(e.filename).__name__)
    for bad in [3.5, None, [1]]:
        try:
            os.stat(bad)
        except TypeError as e:
            print(e)
    for call in [lambda: os.listdir(3.5), lambda: os.mkdir(3.5), lambda: os.stat('a\0b'),
                 lambda: os.fspath(5), lambda: os.open(fn), lambda: os.read(0, 'x')]:
        try:
            call()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)

    # removal (bottom-up walk)
    for p, ds, fs in os.walk(d, topdown=False):
        for n in fs:
            os.unlink(os.path.join(p, n))
        for n in ds:
            p2 = os.path.join(p, n)
            if os.path.islink(p2):
                os.unlink(p2)
            else:
                os.rmdir(p2)
    os.rmdir(d)
    print(os.path.exists(d))
    os.unlink(fn)
    print(os.listdir(base))

    # fspath / fsencode / fsdecode
    class P:
        def __fspath__(self):
            return base
    print(os.fspath(P()) == base, os.fspath('x'), os.fspath(b'y'), os.path.isdir(P()))
    print(os.fsencode('caf\xe9'), os.fsdecode(b'caf\xc3\xa9'), os.fsencode('a\udcff'), ascii(os.fsdecode(b'a\xff')))
    print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())

    # environ
    os.environ['PITH_TEST_VAR'] = 'value 1'
    print(os.environ['PITH_TEST_VAR'], os.getenv('PITH_TEST_VAR'), os.environ.get('PITH_NOPE', 'dflt'))
    print(os.getenv('PITH_NOPE'), 'PITH_TEST_VAR' in os.environ, os.environb[b'PITH_TEST_VAR'])
    del os.environ['PITH_TEST_VAR']
    print('PITH_TEST_VAR' in os.environ, os.getenv('PITH_TEST_VAR'))
    try:
        os.environ['PITH_NOPE']
    except KeyError as e:
        print('KeyError', e)
    print(type(os.environ).__name__, isinstance(os.environ['PATH'], str))
    os.putenv('PITH_A', 'b')
    os.unsetenv('PITH_A')
    try:
        os.putenv('A=B', 'c')
    except ValueError as e:
        print(e)

    # process information
    print(os.getpid() > 0, os.getppid() > 0, type(os.getuid()).__name__, os.getgid() >= 0)
    print(os.cpu_count() >= 1, len(os.urandom(16)), os.urandom(0))
    u = os.uname()
    print(type(u).__name__, len(u), u.sysname, u[0] == u.sysname)
    print(os.strerror(errno.ENOENT), os.strerror(errno.EACCES))
    print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).columns)
    print(os.WIFEXITED(0), os.WEXITSTATUS(256), os.WIFSIGNALED(9), os.WTERMSIG(9), os.waitstatus_to_exitcode(512))
    print(os.device_encoding(os.open(os.devnull, os.O_RDONLY)))
    print(os.supports_follow_symlinks >= {os.stat}, os.stat in os.supports_fd, os.mkdir in os.supports_dir_fd)
    print(sorted(n for n in ['stat', 'lstat', 'open', 'close', 'listdir', 'scandir', 'walk',
                             'makedirs', 'removedirs', 'getenv', 'environ', 'fsencode'] if n in os.__all__ or hasattr(os, n)))
finally:
    for p, ds, fs in os.walk(base, topdown=False):
        for n in fs + ds:
            p2 = os.path.join(p, n)
            if os.path.isdir(p2) and not os.path.islink(p2):
                os.rmdir(p2)
            else:
                os.unlink(p2)
    os.rmdir(base)
print(os.path.exists(base))
