import sys
print('running imp_pkg.__main__', __name__, __package__)
