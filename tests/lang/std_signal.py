# The signal module over pith's native _signal: constants, handlers as the
# OS reports them, installing/restoring handlers, raise_signal running a
# Python handler, argument errors.
import signal

print(signal.SIGINT, signal.SIGTERM, signal.SIGUSR1, signal.NSIG, signal.SIG_BLOCK)
print(repr(signal.SIGINT), repr(signal.SIG_DFL), repr(signal.SIG_IGN))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGTERM)), repr(signal.getsignal(signal.SIGPIPE)),
      repr(signal.getsignal(signal.SIGXFSZ)))
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM))
vs = signal.valid_signals()
print(len(vs), min(vs), max(vs), signal.SIGUSR1 in vs, 32 in vs)
print(signal.Signals(15), signal.Signals.SIGHUP.name)

got = []
def handler(num, frame):
    got.append(num)
old = signal.signal(signal.SIGUSR1, handler)
print(repr(old), signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
signal.raise_signal(signal.SIGUSR1)
print(got)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)), got)

def failing(num, frame):
    raise ValueError("from handler %d" % num)
signal.signal(signal.SIGUSR2, failing)
try:
    signal.raise_signal(signal.SIGUSR2)
except ValueError as e:
    print("ValueError:", e)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

for args in [(0, signal.SIG_DFL), (signal.NSIG, signal.SIG_DFL), (-1, signal.SIG_IGN),
             (signal.SIGUSR1, 5), (signal.SIGUSR1, "x"), (signal.SIGKILL, signal.SIG_IGN),
             (signal.SIGSTOP, handler), ("2", signal.SIG_DFL), (2**70, signal.SIG_DFL)]:
    try:
        signal.signal(*args)
    except (TypeError, ValueError, OSError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
for bad in [0, 65, "x"]:
    try:
        signal.getsignal(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
print(signal.alarm(0), signal.set_wakeup_fd(-1))
signal.siginterrupt(signal.SIGUSR1, True)
signal.siginterrupt(signal.SIGUSR1, False)
