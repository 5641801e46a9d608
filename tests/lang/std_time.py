# time: deterministic parts (gmtime, strftime of fixed tuples, struct_time,
# clocks increasing, error messages).
import time

print(time.gmtime(0))
t = time.gmtime(1234567890)
print(t, t.tm_zone, t.tm_gmtoff, len(t), t[0], t[-1], t[:3], tuple(t))
print(time.gmtime(-86400.5), time.gmtime(1e9 + 0.9).tm_sec)
print(time.gmtime(2**31 + 5))
print(type(t).__name__, type(t), time.struct_time.n_fields, time.struct_time.n_sequence_fields)
st = time.struct_time((2020, 2, 29, 12, 30, 45, 5, 60, 0))
print(st, st.tm_zone, st.tm_gmtoff, st == (2020, 2, 29, 12, 30, 45, 5, 60, 0))
st2 = time.struct_time((2020, 2, 29, 12, 30, 45, 5, 60, 0, 'XYZ', 3600))
print(st2, st2.tm_zone, st2.tm_gmtoff, st2 == st, hash(st2) == hash(st))
for bad in [(1, 2, 3), (1,) * 12, 5]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print(e)
fmt = '%Y-%m-%d %H:%M:%S|%a %A %b %B|%j %U %W %w|%y %p %I %%|%D %T'
for tup in [(2000, 1, 1, 0, 0, 0, 5, 1, 0), (1999, 12, 31, 23, 59, 59, 4, 365, 0),
            (2024, 2, 29, 13, 5, 9, 3, 60, -1), (1, 1, 1, 0, 0, 0, 0, 1, 0)]:
    print(time.strftime(fmt, tup))
    print(time.asctime(tup))
print(time.strftime('%Y', (2000, 0, 0, 0, 0, 0, 0, 0, 0)), repr(time.strftime('', (2000, 1, 1, 0, 0, 0, 0, 1, 0))))
print(time.strftime('%Z|%z', time.gmtime(0)))
print(time.strftime('x' * 500 + '%Y', time.gmtime(0))[-8:])
print(time.strftime('é%Y€', time.gmtime(0)))
for bad in [(2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 32, 0, 0, 0, 0, 1, 0),
            (2000, 1, 1, 24, 0, 0, 0, 1, 0), (2000, 1, 1, 0, 60, 0, 0, 1, 0),
            (2000, 1, 1, 0, 0, 62, 0, 1, 0), (2000, 1, 1, 0, 0, 0, -2, 1, 0),
            (2000, 1, 1, 0, 0, 0, 0, 367, 0), (1, 2), 'abc']:
    try:
        time.strftime('%Y', bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for call in ['time.strftime(1)', 'time.gmtime("x")', 'time.gmtime(float("nan"))',
             'time.gmtime(1e30)', 'time.sleep(-1)', 'time.sleep("x")', 'time.mktime((2000,))',
             'time.get_clock_info("x")', 'time.asctime((2000, 13, 1, 0, 0, 0, 5, 1, 0))']:
    try:
        eval(call)
    except Exception as e:
        print(call, type(e).__name__, e)

# local time round trip (whatever the zone)
lt = time.localtime(1000000000)
print(time.mktime(lt), type(lt.tm_zone).__name__, type(lt.tm_gmtoff).__name__)
print(time.localtime(1000000000.7) == lt, time.ctime(1000000000) == time.asctime(lt))
print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1), len(time.tzname))

# clocks
for name in ['time', 'monotonic', 'perf_counter', 'process_time', 'thread_time']:
    a = getattr(time, name)()
    b = getattr(time, name)()
    an = getattr(time, name + '_ns')()
    info = time.get_clock_info(name)
    print(name, type(a).__name__, b >= a, type(an).__name__, info.monotonic, info.adjustable, info.resolution > 0)
t0 = time.monotonic()
time.sleep(0.02)
t1 = time.monotonic()
print(t1 - t0 >= 0.019, abs(time.time() - time.time_ns() / 1e9) < 1)
time.sleep(0)
print(time.time() > 1.6e9, time.gmtime().tm_year >= 2024)
