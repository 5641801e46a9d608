print('imp_pkg.sub executing', __package__)
def helper():
    return 'helper'
