from .. import pkg_value as outer_value
