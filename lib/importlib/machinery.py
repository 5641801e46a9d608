"""pith's importlib.machinery: the spec and loader types of pith's import
system and the file suffix lists."""

import sys
import _pith_import
from _pith_import import (ModuleSpec, SourceFileLoader, BuiltinImporter, PathFinder,
                          _NamespaceLoader as NamespaceLoader)

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
DEBUG_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
EXTENSION_SUFFIXES = []


def all_suffixes():
    """Every recognised suffix of a module file."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES
