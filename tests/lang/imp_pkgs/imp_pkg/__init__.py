print('imp_pkg init', __name__, __package__)
from . import sub
from .sub import helper
pkg_value = 'pkg'
