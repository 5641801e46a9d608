"""pith's py_compile: compile a Python source file into its bytecode cache
(__pycache__/NAME.pith-311.pyc, pith's own format) — CPython's interface
(compile, PyCompileError, main) over pith's native cache writer."""

import os
import sys
import _pith_import

__all__ = ["compile", "main", "PyCompileError", "PycInvalidationMode"]


class PyCompileError(Exception):
    """A source file could not be compiled; msg is the report shown."""

    def __init__(self, exc_type, exc_value, file, msg=''):
        exc_type_name = exc_type.__name__
        if exc_type is SyntaxError:
            import traceback
            text = ''.join(traceback.format_exception_only(exc_type, exc_value))
            errmsg = text.replace('File "<string>"', 'File "%s"' % file)
        else:
            errmsg = "Sorry: %s: %s" % (exc_type_name, exc_value)
        Exception.__init__(self, msg or errmsg, exc_type_name, exc_value, file)
        self.exc_type_name = exc_type_name
        self.exc_value = exc_value
        self.file = file
        self.msg = msg or errmsg

    def __str__(self):
        return self.msg


class PycInvalidationMode:
    """How a cache is checked against its source. pith's caches are always
    checked by source mtime and size (TIMESTAMP)."""
    TIMESTAMP = 1
    CHECKED_HASH = 2
    UNCHECKED_HASH = 3


def _get_default_invalidation_mode():
    return PycInvalidationMode.TIMESTAMP


def compile(file, cfile=None, dfile=None, doraise=False, optimize=-1,
            invalidation_mode=None, quiet=0):
    """Compile source `file` and write its cache (to cfile, default the
    __pycache__ path); returns the cache path, or None when the source has
    an error and doraise is false (the error is then printed to stderr
    unless quiet is 2)."""
    if cfile is None:
        if optimize >= 0:
            cfile = _pith_import.cache_from_source(
                file, optimization=optimize if optimize >= 1 else '')
        else:
            cfile = _pith_import.cache_from_source(file)
    if os.path.islink(cfile):
        raise FileExistsError(
            f'{cfile} is a symlink and will be changed into a regular file '
            'if import writes a byte-compiled file to it')
    if os.path.exists(cfile) and not os.path.isfile(cfile):
        raise FileExistsError(
            f'{cfile} is a non-regular file and will be changed into a '
            'regular one if import writes a byte-compiled file to it')
    try:
        _pith_import.compile_file(file, cfile, dfile, optimize)
    except OSError:
        raise
    except Exception as err:
        py_exc = PyCompileError(err.__class__, err, dfile or file)
        if quiet < 2:
            if doraise:
                raise py_exc
            sys.stderr.write(py_exc.msg + '\n')
        return None
    return cfile


def main():
    """python -m py_compile [-q] FILE... (or '-': names from stdin)."""
    args = sys.argv[1:]
    quiet = False
    while args and args[0] in ('-q', '--quiet'):
        quiet = True
        args = args[1:]
    if not args:
        sys.stderr.write('usage: py_compile.py [-h] [-q] filenames [filenames ...]\n'
                         'py_compile.py: error: the following arguments are '
                         'required: filenames\n')
        sys.exit(2)
    if args == ['-']:
        args = sys.stdin.readlines()
    for filename in args:
        filename = filename.rstrip('\n')
        try:
            compile(filename, doraise=True)
        except PyCompileError as error:
            if not quiet:
                sys.stderr.write(error.msg)
            sys.exit(1)
        except OSError as error:
            if not quiet:
                sys.stderr.write(str(error))
            sys.exit(1)


if __name__ == "__main__":
    main()
