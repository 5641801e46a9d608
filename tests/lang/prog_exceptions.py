# Exception-heavy control flow: a transactional key-value store with
# nested transactions rolled back by exceptions, context managers that
# suppress or translate errors, finally/return/break interplay, exception
# chaining (__cause__/__context__/__suppress_context__), exception groups
# with except*, and a retrying parser that recovers from errors.

class StoreError(Exception):
    pass


class Conflict(StoreError):
    def __init__(self, key, expected, actual):
        super().__init__(f'conflict on {key!r}: expected {expected!r}, found {actual!r}')
        self.key = key


class Rollback(Exception):
    """Raised to abandon the innermost transaction quietly."""


class Store:
    def __init__(self):
        self.data = {}
        self.stack = []
        self.journal = []

    def transaction(self, name):
        store = self

        class Txn:
            def __enter__(self):
                store.stack.append((name, dict(store.data)))
                store.journal.append(f'begin {name}')
                return store

            def __exit__(self, typ, exc, tb):
                txn_name, snapshot = store.stack.pop()
                if typ is None:
                    store.journal.append(f'commit {txn_name}')
                    return False
                store.data = snapshot
                store.journal.append(f'rollback {txn_name} ({typ.__name__})')
                return issubclass(typ, Rollback)
        return Txn()

    def cas(self, key, expected, value):
        actual = self.data.get(key)
        if actual != expected:
            raise Conflict(key, expected, actual)
        self.data[key] = value


s = Store()
with s.transaction('outer'):
    s.data['a'] = 1
    with s.transaction('inner-ok'):
        s.data['b'] = 2
    with s.transaction('inner-rollback'):
        s.data['c'] = 3
        raise Rollback
    try:
        with s.transaction('inner-conflict'):
            s.data['d'] = 4
            s.cas('a', 99, 100)
    except Conflict as e:
        print('caught:', e, '| key', e.key)
print(s.data, s.journal)


def lookup(table, key):
    try:
        return table[key]
    except KeyError as e:
        raise StoreError(f'no entry {key!r}') from e


def lookup_quiet(table, key):
    try:
        return table[key]
    except KeyError:
        raise StoreError(f'no entry {key!r}') from None


def lookup_implicit(table, key):
    try:
        return table[key]
    except KeyError:
        return int('not a number')


for fn in (lookup, lookup_quiet, lookup_implicit):
    try:
        fn({}, 'k')
    except Exception as e:
        print(fn.__name__, type(e).__name__, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)


def finally_tricks():
    out = []

    def ret_in_finally():
        try:
            return 'try'
        finally:
            return 'finally'

    def swallow():
        for i in range(3):
            try:
                if i:
                    raise ValueError(i)
            finally:
                if i == 1:
                    break
        return f'stopped at {i}'

    def continue_finally():
        log = []
        for i in range(4):
            try:
                if i % 2:
                    continue
                log.append(i)
            finally:
                log.append(f'f{i}')
        return log

    def nested():
        try:
            try:
                raise KeyError('inner')
            finally:
                out.append('inner finally')
        except KeyError as e:
            out.append(f'handled {e}')
            try:
                raise TypeError('during handling')
            except TypeError as t:
                out.append(f'context is {t.__context__!r}')
        else:
            out.append('no else')
        finally:
            out.append('outer finally')
        return out

    return ret_in_finally(), swallow(), continue_finally(), nested()


print(finally_tricks())


class suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = []

    def __enter__(self):
        return self

    def __exit__(self, typ, exc, tb):
        if typ is not None and issubclass(typ, self.types):
            self.caught.append(repr(exc))
            return True
        return False


class translate:
    def __init__(self, mapping):
        self.mapping = mapping

    def __enter__(self):
        return self

    def __exit__(self, typ, exc, tb):
        for src, dst in self.mapping.items():
            if typ is not None and issubclass(typ, src):
                raise dst(str(exc)) from exc
        return False


sup = suppress(ZeroDivisionError, IndexError)
for thunk in (lambda: 1 / 0, lambda: [][1], lambda: 'fine'):
    with sup:
        print('result', thunk())
print(sup.caught)
try:
    with translate({KeyError: LookupError, ZeroDivisionError: ArithmeticError}):
        {}['missing']
except LookupError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


def validate(records):
    errors = []
    for i, r in enumerate(records):
        if not isinstance(r, dict):
            errors.append(TypeError(f'record {i} is {type(r).__name__}'))
        elif 'id' not in r:
            errors.append(KeyError(f'record {i} has no id'))
        elif r['id'] < 0:
            errors.append(ValueError(f'record {i} has negative id'))
    if errors:
        raise ExceptionGroup('invalid records', errors)


try:
    validate([{'id': 1}, 'x', {'name': 'n'}, {'id': -5}, 7])
except* TypeError as eg:
    print('types:', [str(e) for e in eg.exceptions])
except* (KeyError, ValueError) as eg:
    print('values:', [str(e) for e in eg.exceptions], eg.message)

try:
    try:
        validate([None])
    except* TypeError:
        raise RuntimeError('escalated')
except RuntimeError as e:
    print('RuntimeError', e, type(e.__context__).__name__)

eg = ExceptionGroup('top', [ValueError(1), ExceptionGroup('sub', [TypeError(2), ValueError(3)])])
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(eg.subgroup(lambda e: isinstance(e, TypeError)))


def parse_numbers(text):
    good, bad = [], []
    for token in text.split(','):
        try:
            value = int(token, 0)
        except ValueError:
            try:
                value = float(token)
            except ValueError as e:
                bad.append((token.strip(), str(e)))
                continue
        else:
            if value < 0:
                bad.append((token.strip(), 'negative'))
                continue
        good.append(value)
    return good, bad


print(parse_numbers('1, 0x1f, 2.5, abc, -3, 1e3, 0b102, 7'))


def depth_first(n):
    if n == 0:
        raise LookupError('bottom')
    try:
        depth_first(n - 1)
    except LookupError as e:
        e.add_note(f'passed level {n}') if hasattr(e, 'add_note') else None
        raise


try:
    depth_first(3)
except LookupError as e:
    print(e, getattr(e, '__notes__', None))

try:
    raise ValueError('a') from KeyError('b')
except ValueError as e:
    err = e
print(err.__cause__, err.__suppress_context__, err.with_traceback(None) is err)
try:
    raise err
except ValueError as again:
    print(again is err)
