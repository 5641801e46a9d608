"""pith's importlib: the public functions of CPython's importlib
(import_module, reload, invalidate_caches, and the util/machinery/abc
submodules) over pith's native import system."""

import sys
from . import _bootstrap

__all__ = ['__import__', 'import_module', 'invalidate_caches', 'reload']

__import__ = __import__

_RELOADING = {}


def invalidate_caches():
    """Ask the finders on sys.meta_path to drop their caches (pith's own
    path search keeps none)."""
    for finder in sys.meta_path:
        if hasattr(finder, 'invalidate_caches'):
            finder.invalidate_caches()


def import_module(name, package=None):
    """Import a module by name; '.name' is relative to package."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            f"relative import for {name!r}")
        level = len(name) - len(name.lstrip('.'))
    return _bootstrap._gcd_import(name[level:], package, level)


def reload(module):
    """Run an already imported module's code again in the same module
    object; returns sys.modules[name] afterwards."""
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if name in _RELOADING:
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        parent_name = name.rpartition('.')[0]
        pkgpath = None
        if parent_name:
            try:
                parent = sys.modules[parent_name]
            except KeyError:
                raise ImportError(f"parent {parent_name!r} not in sys.modules",
                                  name=parent_name) from None
            pkgpath = parent.__path__
        spec = module.__spec__ = _bootstrap._find_spec(name, pkgpath, module)
        if spec is None:
            raise ModuleNotFoundError(f"spec not found for the module {name!r}", name=name)
        _bootstrap._exec(spec, module)
        return sys.modules[name]
    finally:
        _RELOADING.pop(name, None)
