# An event system built from decorators and closures: handler registration
# with priorities and filters, once-handlers, middleware wrapping, a
# memoizing decorator with stats, retry decorator, and class-based
# decorators with functools-like wrapping done by hand.

def wraps(original):
    def deco(wrapper):
        for attr in ('__name__', '__qualname__', '__doc__'):
            setattr(wrapper, attr, getattr(original, attr))
        wrapper.__wrapped__ = original
        return wrapper
    return deco


class EventBus:
    def __init__(self):
        self.handlers = {}
        self.middleware = []
        self.log = []

    def on(self, event, *, priority=0, when=None, once=False):
        def register(fn):
            entry = {'fn': fn, 'priority': priority, 'when': when, 'once': once,
                     'seq': sum(len(v) for v in self.handlers.values())}
            self.handlers.setdefault(event, []).append(entry)
            self.handlers[event].sort(key=lambda e: (-e['priority'], e['seq']))
            return fn
        return register

    def use(self, mw):
        self.middleware.append(mw)
        return mw

    def emit(self, event, **payload):
        def dispatch(event, payload):
            results = []
            for entry in list(self.handlers.get(event, ())):
                if entry['when'] and not entry['when'](payload):
                    continue
                if entry['once']:
                    self.handlers[event].remove(entry)
                try:
                    results.append(entry['fn'](**payload))
                except StopPropagation as stop:
                    results.append(f'stopped: {stop}')
                    break
            return results
        call = dispatch
        for mw in reversed(self.middleware):
            call = mw(call)
        return call(event, payload)


class StopPropagation(Exception):
    pass


bus = EventBus()


@bus.use
def logging_mw(next_call):
    def inner(event, payload):
        bus.log.append(f'{event}({", ".join(f"{k}={v!r}" for k, v in sorted(payload.items()))})')
        return next_call(event, payload)
    return inner


@bus.use
def uppercase_names(next_call):
    def inner(event, payload):
        if 'name' in payload:
            payload = {**payload, 'name': payload['name'].title()}
        return next_call(event, payload)
    return inner


@bus.on('login')
def greet(name, **_):
    return f'hello {name}'


@bus.on('login', priority=10, when=lambda p: p.get('admin'))
def admin_alert(name, **_):
    return f'ADMIN {name} logged in'


@bus.on('login', once=True)
def first_login(name, **_):
    return f'first login ever: {name}'


@bus.on('purchase', priority=5)
def check_fraud(amount, **_):
    if amount > 1000:
        raise StopPropagation(f'amount {amount} needs review')
    return 'fraud ok'


@bus.on('purchase')
def receipt(item, amount, **_):
    return f'receipt: {item} ${amount:.2f}'


print(bus.emit('login', name='ada lovelace'))
print(bus.emit('login', name='grace', admin=True))
print(bus.emit('purchase', item='book', amount=12.5))
print(bus.emit('purchase', item='car', amount=25000))
print(bus.emit('logout', name='nobody'))
print(bus.log)
print(greet.__name__, admin_alert('x'), len(bus.handlers['login']))


def memoize(fn):
    cache = {}
    stats = {'hits': 0, 'misses': 0}

    @wraps(fn)
    def wrapper(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key in cache:
            stats['hits'] += 1
            return cache[key]
        stats['misses'] += 1
        result = cache[key] = fn(*args, **kwargs)
        return result
    wrapper.stats = stats
    wrapper.clear = cache.clear
    return wrapper


@memoize
def fib(n):
    """Fibonacci, memoized."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.stats, fib.__name__, fib.__doc__, fib.__wrapped__.__name__)
fib.clear()
print(fib(10), fib.stats)


def retry(times, exceptions=(Exception,)):
    def deco(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, attempt=attempt, **kwargs)
                except exceptions as e:
                    last = e
                    print(f'  attempt {attempt} failed: {e!r}')
            raise RuntimeError(f'{fn.__name__} failed after {times} attempts') from last
        return wrapper
    return deco


@retry(3, exceptions=(ConnectionError, TimeoutError))
def flaky(succeed_on, attempt):
    if attempt < succeed_on:
        raise (ConnectionError if attempt % 2 else TimeoutError)(f'try {attempt}')
    return f'ok on {attempt}'


print(flaky(2))
try:
    flaky(9)
except RuntimeError as e:
    print(e, '| cause:', repr(e.__cause__))


class CountCalls:
    instances = []

    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
        CountCalls.instances.append(self)

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.fn(*args, **kwargs)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a, **k: self(obj, *a, **k)


class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    @CountCalls
    def greet(self, who):
        return f'{self.greeting}, {who}!'


g1, g2 = Greeter('Hi'), Greeter('Yo')
print(g1.greet('a'), g2.greet('b'), g1.greet('c'), Greeter.greet.calls)


def counter_factory():
    count = 0

    def incr(by=1):
        nonlocal count
        count += by
        return count

    def get():
        return count
    return incr, get


inc, get = counter_factory()
inc(); inc(5)
print(get(), inc.__closure__[0].cell_contents, [c.__class__.__name__ for c in inc.__closure__])
adders = [lambda x, n=n: x + n for n in range(3)]
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in adders], [f(10) for f in late])
