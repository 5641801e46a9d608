import sys
sys.modules[__name__] = 'replaced'
