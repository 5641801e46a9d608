"""pith's import helpers behind importlib: module attributes from specs,
module creation and (re)execution.

CPython's importlib/_bootstrap.py drives its whole import system from
Python; in pith the import system is native (src/import) and this module
only offers what importlib's public functions need, on top of the native
_pith_import module."""

import sys
import _pith_import
from _pith_import import ModuleSpec, BuiltinImporter

_module_type = type(sys)


def _resolve_name(name, package, level):
    """name relative to package, level dots up ('' name = the package)."""
    parts = package.rsplit('.', level - 1)
    if len(parts) < level:
        raise ImportError('attempted relative import beyond top-level package')
    return parts[0] + '.' + name if name else parts[0]


def _sanity_check(name, package, level):
    if not isinstance(name, str):
        raise TypeError(f'module name must be str, not {type(name)}')
    if level < 0:
        raise ValueError('level must be >= 0')
    if level > 0:
        if not isinstance(package, str):
            raise TypeError('__package__ not set to a string')
        if not package:
            raise ImportError('attempted relative import with no known parent package')
    if not name and level == 0:
        raise ValueError('Empty module name')


def _gcd_import(name, package=None, level=0):
    """Import name (relative to package when level > 0); the module itself."""
    _sanity_check(name, package, level)
    if level > 0:
        name = _resolve_name(name, package, level)
    return _pith_import.import_module(name)


def _set(module, attr, value, override):
    if override or getattr(module, attr, None) is None:
        try:
            setattr(module, attr, value)
        except AttributeError:
            pass


def _init_module_attrs(spec, module, *, override=False):
    """Copy a spec's facts onto the module's dunder attributes."""
    _set(module, '__name__', spec.name, override)
    _set(module, '__loader__', spec.loader, override)
    _set(module, '__package__', spec.parent, override)
    try:
        module.__spec__ = spec
    except AttributeError:
        pass
    if spec.submodule_search_locations is not None:
        _set(module, '__path__', spec.submodule_search_locations, override)
    if spec.has_location:
        _set(module, '__file__', spec.origin, override)
        if spec.cached is not None:
            _set(module, '__cached__', spec.cached, override)
    return module


def module_from_spec(spec):
    """A new module for spec (the loader may create it), attributes set."""
    module = None
    if hasattr(spec.loader, 'create_module'):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, 'exec_module'):
        raise ImportError('loaders that define exec_module() '
                          'must also define create_module()')
    if module is None:
        module = _module_type(spec.name)
    return _init_module_attrs(spec, module)


def _exec(spec, module):
    """Run spec's code again in the existing module (reload)."""
    name = spec.name
    if sys.modules.get(name) is not module:
        raise ImportError(f'module {name!r} not in sys.modules', name=name)
    try:
        if spec.loader is None and spec.submodule_search_locations is None:
            raise ImportError('missing loader', name=name)
        _init_module_attrs(spec, module, override=True)
        if spec.loader is not None:
            if hasattr(spec.loader, 'exec_module'):
                spec.loader.exec_module(module)
            else:
                spec.loader.load_module(name)
    finally:
        module = sys.modules.pop(name)
        sys.modules[name] = module
    return module


def _find_spec(name, path, target=None):
    """The spec for absolute name on path (None = sys.path), or None."""
    return _pith_import.find_spec(name, path)
