from ..sub import helper
from ..inner import outer_value
from . import __name__ as inner_name
def where():
    return (__name__, __package__, helper(), outer_value, inner_name)
