import collections, functools, enum, heapq, bisect, copy, contextlib, reprlib, keyword, types, operator, weakref, abc; print('ok')
