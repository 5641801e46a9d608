"""pith's _imp: the parts of CPython's low-level import module that the
standard library and test.support use, over pith's native import system
(_pith_import). pith has no frozen modules and no extension modules; its
import lock is not exposed (imports run on one thread at a time)."""

import sys
import _pith_import

check_hash_based_pycs = "default"
_frozen_override = 0


def is_builtin(name):
    """1 if name is a built-in module (that can be re-initialised), else 0."""
    return 1 if _pith_import.is_builtin(name) else 0


def is_frozen(name):
    return False


def is_frozen_package(name):
    raise ImportError("No such frozen object named %r" % (name,), name=name)


def find_frozen(name, *, withdata=False):
    return None


def get_frozen_object(name, data=None):
    raise ImportError("No such frozen object named %r" % (name,), name=name)


def init_frozen(name):
    return None


def _frozen_module_names():
    return ()


def _override_frozen_modules_for_tests(override):
    global _frozen_override
    _frozen_override = override


def _override_multi_interp_extensions_check(override):
    return -1


def extension_suffixes():
    return []


def create_builtin(spec):
    """The built-in module spec.name (imported once; later calls share it)."""
    name = spec.name
    if name in sys.modules:
        return sys.modules[name]
    if not _pith_import.is_builtin(name):
        raise ImportError("no built-in module named " + name, name=name)
    return _pith_import.import_module(name)


def exec_builtin(mod):
    return 0


def exec_dynamic(mod):
    return 0


def create_dynamic(spec, file=None):
    raise ImportError("pith cannot load extension modules", name=spec.name)


def lock_held():
    return False


def acquire_lock():
    pass


def release_lock():
    pass


def _fix_co_filename(code, path):
    pass


def source_hash(key, source):
    raise NotImplementedError("pith does not write hash-based .pyc files")
