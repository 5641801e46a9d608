"""pith's compileall: write the bytecode caches of every .py file in
directory trees — CPython's functions (compile_dir, compile_file,
compile_path) and command line (`pith -m compileall [-l] [-r N] [-f] [-q]
[-b] [-d DIR] [-x REGEX] [-o N] [-j N] [FILE|DIR]...`), with the same
output, over pith's native cache writer (via py_compile)."""

import os
import sys
import py_compile
import _pith_import

__all__ = ["compile_dir", "compile_file", "compile_path"]


def _walk_dir(dir, maxlevels, quiet=0):
    """The files under dir, depth-first in sorted order, skipping
    __pycache__; prints 'Listing ...' for each directory as it goes."""
    if quiet < 2 and isinstance(dir, os.PathLike):
        dir = os.fspath(dir)
    if not quiet:
        print('Listing {!r}...'.format(dir))
    try:
        names = sorted(os.listdir(dir))
    except OSError:
        if quiet < 2:
            print("Can't list {!r}".format(dir))
        names = []
    for name in names:
        if name == '__pycache__':
            continue
        full = os.path.join(dir, name)
        if not os.path.isdir(full):
            yield full
        elif (maxlevels > 0 and name not in (os.curdir, os.pardir)
              and not os.path.islink(full)):
            yield from _walk_dir(full, maxlevels=maxlevels - 1, quiet=quiet)


def compile_dir(dir, maxlevels=None, ddir=None, force=False, rx=None,
                quiet=0, legacy=False, optimize=-1, workers=1,
                invalidation_mode=None, *, stripdir=None, prependdir=None,
                limit_sl_dest=None, hardlink_dupes=False):
    """Compile every .py file under dir (maxlevels deep); True when all
    compiled. workers is accepted and ignored (pith compiles serially)."""
    if ddir is not None and (stripdir is not None or prependdir is not None):
        raise ValueError("Destination dir (ddir) cannot be used "
                         "in combination with stripdir or prependdir")
    if ddir is not None:
        stripdir, prependdir, ddir = dir, ddir, None
    if workers < 0:
        raise ValueError('workers must be greater or equal to 0')
    if maxlevels is None:
        maxlevels = sys.getrecursionlimit()
    success = True
    for file in _walk_dir(dir, quiet=quiet, maxlevels=maxlevels):
        if not compile_file(file, ddir, force, rx, quiet, legacy, optimize,
                            invalidation_mode, stripdir=stripdir,
                            prependdir=prependdir):
            success = False
    return success


def _display_name(fullname, ddir, stripdir, prependdir):
    """The file name recorded in the code (None = the real one)."""
    dfile = None
    if ddir is not None:
        dfile = os.path.join(ddir, os.path.basename(fullname))
    if stripdir is not None:
        parts = fullname.split(os.path.sep)
        for strip, part in zip(os.fspath(stripdir).split(os.path.sep),
                               fullname.split(os.path.sep)):
            if strip == part:
                parts.remove(strip)
        dfile = os.path.join(*parts)
    if prependdir is not None:
        dfile = os.path.join(prependdir, fullname if dfile is None else dfile)
    return dfile


def _report(fullname, quiet, text):
    if quiet:
        print('*** Error compiling {!r}...'.format(fullname))
    else:
        print('*** ', end='')
    print(text)


def compile_file(fullname, ddir=None, force=False, rx=None, quiet=0,
                 legacy=False, optimize=-1, invalidation_mode=None, *,
                 stripdir=None, prependdir=None, limit_sl_dest=None,
                 hardlink_dupes=False):
    """Compile one .py file unless its caches are up to date (or force);
    True unless it failed to compile."""
    if ddir is not None and (stripdir is not None or prependdir is not None):
        raise ValueError("Destination dir (ddir) cannot be used "
                         "in combination with stripdir or prependdir")
    fullname = os.fspath(fullname)
    dfile = _display_name(fullname, ddir, stripdir, prependdir)
    levels = sorted(set([optimize] if isinstance(optimize, int) else optimize))
    if rx is not None and rx.search(fullname):
        return True
    if not os.path.isfile(fullname) or not fullname.endswith('.py'):
        return True
    cfiles = {}
    for level in levels:
        if legacy:
            cfiles[level] = fullname + 'c'
        elif level >= 0:
            cfiles[level] = _pith_import.cache_from_source(
                fullname, optimization=level if level >= 1 else '')
        else:
            cfiles[level] = _pith_import.cache_from_source(fullname)
    if not force:
        if all(_pith_import.is_current(fullname, c) for c in cfiles.values()):
            return True
    if not quiet:
        print('Compiling {!r}...'.format(fullname))
    try:
        for level in levels:
            py_compile.compile(fullname, cfiles[level], dfile, True,
                               optimize=level, invalidation_mode=invalidation_mode)
    except py_compile.PyCompileError as err:
        if quiet >= 2:
            return False
        _report(fullname, quiet, err.msg)
        return False
    except (SyntaxError, UnicodeError, OSError) as e:
        if quiet >= 2:
            return False
        _report(fullname, quiet, e.__class__.__name__ + ': ' + str(e))
        return False
    return True


def compile_path(skip_curdir=1, maxlevels=0, force=False, quiet=0,
                 legacy=False, optimize=-1, invalidation_mode=None):
    """Compile the modules of every directory on sys.path."""
    success = True
    for dir in sys.path:
        if (not dir or dir == os.curdir) and skip_curdir:
            if quiet < 2:
                print('Skipping current directory')
        else:
            success = success and compile_dir(
                dir, maxlevels, None, force, quiet=quiet, legacy=legacy,
                optimize=optimize, invalidation_mode=invalidation_mode)
    return success


_USAGE = ('usage: compileall.py [-h] [-l] [-r RECURSION] [-f] [-q] [-b] [-d DESTDIR]\n'
          '                     [-s STRIPDIR] [-p PREPENDDIR] [-x REGEXP] [-i FILE]\n'
          '                     [-j WORKERS]\n'
          '                     [--invalidation-mode {checked-hash,timestamp,unchecked-hash}]\n'
          '                     [-o OPT_LEVELS] [-e LIMIT_SL_DEST] [--hardlink-dupes]\n'
          '                     [FILE|DIR ...]\n')


def _usage_error(msg):
    sys.stderr.write(_USAGE + 'compileall.py: error: ' + msg + '\n')
    sys.exit(2)


def _parse(argv):
    opts = {'maxlevels': None, 'force': False, 'quiet': 0, 'legacy': False,
            'ddir': None, 'stripdir': None, 'prependdir': None, 'rx': None,
            'flist': None, 'opt_levels': [], 'dests': []}
    with_value = {'-r': 'maxlevels', '-d': 'ddir', '-s': 'stripdir',
                  '-p': 'prependdir', '-x': 'rx', '-i': 'flist',
                  '-j': None, '-o': 'opt_levels', '-e': None,
                  '--invalidation-mode': None}
    i = 0
    while i < len(argv):
        a = argv[i]
        i += 1
        if a == '--':
            opts['dests'].extend(argv[i:])
            break
        if a in with_value:
            if i >= len(argv):
                _usage_error(f'argument {a}: expected one argument')
            value, key = argv[i], with_value[a]
            i += 1
            if key == 'maxlevels' or key == 'opt_levels':
                try:
                    value = int(value)
                except ValueError:
                    _usage_error(f"argument {a}: invalid int value: {value!r}")
            if key == 'opt_levels':
                opts[key].append(value)
            elif key:
                opts[key] = value
        elif a == '-l':
            opts['maxlevels'] = 0
        elif a == '-f':
            opts['force'] = True
        elif a == '-q':
            opts['quiet'] += 1
        elif a == '-b':
            opts['legacy'] = True
        elif a == '--hardlink-dupes':
            pass
        elif a.startswith('-') and a != '-':
            _usage_error(f'unrecognized arguments: {a}')
        else:
            opts['dests'].append(a)
    return opts


def main():
    """The command line; True when everything compiled."""
    o = _parse(sys.argv[1:])
    rx = None
    if o['rx']:
        import re
        rx = re.compile(o['rx'])
    maxlevels = o['maxlevels']
    if maxlevels is None:
        maxlevels = sys.getrecursionlimit()
    levels = o['opt_levels'] or [-1]
    if o['ddir'] is not None and (o['stripdir'] is not None or o['prependdir'] is not None):
        _usage_error('-d cannot be used in combination with -s or -p')
    dests = o['dests']
    if o['flist']:
        try:
            f = sys.stdin if o['flist'] == '-' else open(o['flist'], encoding='utf-8')
            with f:
                dests.extend(line.strip() for line in f)
        except OSError:
            if o['quiet'] < 2:
                print('Error reading file list {}'.format(o['flist']))
            return False
    success = True
    try:
        if not dests:
            return compile_path(legacy=o['legacy'], force=o['force'], quiet=o['quiet'])
        for dest in dests:
            common = dict(stripdir=o['stripdir'], prependdir=o['prependdir'],
                          optimize=levels)
            if os.path.isfile(dest):
                ok = compile_file(dest, o['ddir'], o['force'], rx, o['quiet'],
                                  o['legacy'], **common)
            else:
                ok = compile_dir(dest, maxlevels, o['ddir'], o['force'], rx,
                                 o['quiet'], o['legacy'], **common)
            success = success and ok
        return success
    except KeyboardInterrupt:
        if o['quiet'] < 2:
            print("\n[interrupted]")
        return False


if __name__ == '__main__':
    sys.exit(int(not main()))
