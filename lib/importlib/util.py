"""pith's importlib.util: finding specs, building modules from specs and
file locations, and the bytecode cache paths."""

import sys
import _pith_import
from . import _bootstrap
from ._bootstrap import module_from_spec, _resolve_name as _resolve
from _pith_import import ModuleSpec, SourceFileLoader, MAGIC_NUMBER
from _pith_import import cache_from_source, source_from_cache

_POPULATE = object()


def resolve_name(name, package):
    """The absolute name of a possibly relative module name."""
    if not name.startswith('.'):
        return name
    if not package:
        raise ImportError(f'no package specified for {repr(name)} '
                          '(required for relative module names)')
    level = len(name) - len(name.lstrip('.'))
    return _resolve(name[level:], package, level)


def find_spec(name, package=None):
    """The spec of a module (importing its parent package first), or None.
    For a module already in sys.modules, its __spec__."""
    fullname = resolve_name(name, package) if name.startswith('.') else name
    if fullname in sys.modules:
        module = sys.modules[fullname]
        if module is None:
            return None
        try:
            spec = module.__spec__
        except AttributeError:
            raise ValueError(f'{name}.__spec__ is not set') from None
        if spec is None:
            raise ValueError(f'{name}.__spec__ is None')
        return spec
    parent_name = fullname.rpartition('.')[0]
    parent_path = None
    if parent_name:
        parent = __import__(parent_name, fromlist=['__path__'])
        try:
            parent_path = parent.__path__
        except AttributeError as e:
            raise ModuleNotFoundError(
                f"__path__ attribute not found on {parent_name!r} "
                f"while trying to find {fullname!r}", name=fullname) from e
    return _bootstrap._find_spec(fullname, parent_path)


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for a module a given loader provides."""
    if origin is None:
        origin = getattr(loader, '_ORIGIN', None)
    if not origin and hasattr(loader, 'get_filename'):
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return spec_from_file_location(name, loader=loader,
                                       submodule_search_locations=search)
    if is_package is None:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_POPULATE):
    """A spec for a module in a file: a SourceFileLoader for '.py' files
    unless a loader is given; None for other files without a loader."""
    if location is None:
        location = '<unknown>'
        if hasattr(loader, 'get_filename'):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        import os
        location = os.fspath(location)
        if not location.startswith('/'):
            try:
                location = os.getcwd() + '/' + location
            except OSError:
                pass
    if loader is None:
        if not location.endswith('.py'):
            return None
        loader = SourceFileLoader(name, location)
    spec = ModuleSpec(name, loader, origin=location)
    spec.has_location = True
    if location.endswith('.py'):
        try:
            spec.cached = cache_from_source(location)
        except NotImplementedError:
            pass
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, 'is_package'):
            try:
                if loader.is_package(name):
                    spec.submodule_search_locations = []
            except ImportError:
                pass
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations is not None:
        spec.parent = name
    if spec.submodule_search_locations == [] and location:
        spec.submodule_search_locations.append(location.rpartition('/')[0])
    return spec


def decode_source(source_bytes):
    """Source bytes as str (universal newlines)."""
    text = bytes(source_bytes).decode('utf-8')
    return text.replace('\r\n', '\n').replace('\r', '\n')
