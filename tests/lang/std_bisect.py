import bisect
a = [1, 2, 4, 4, 8]; print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4)); bisect.insort(a, 5); print(a)
