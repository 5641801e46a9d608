"""pith's importlib.abc: the abstract finder and loader classes (minimal)."""

import abc


class Loader(metaclass=abc.ABCMeta):
    """Base of loaders."""

    def create_module(self, spec):
        return None

    def load_module(self, fullname):
        raise ImportError


class MetaPathFinder(metaclass=abc.ABCMeta):
    """Base of finders for sys.meta_path."""

    def invalidate_caches(self):
        pass


class PathEntryFinder(metaclass=abc.ABCMeta):
    """Base of finders for one sys.path entry."""

    def invalidate_caches(self):
        pass
