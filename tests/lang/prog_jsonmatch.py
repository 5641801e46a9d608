# Pattern matching over nested JSON-like data: a small event processor,
# a config validator and an expression simplifier, all written with match.

EVENTS = [
    {'type': 'click', 'pos': {'x': 10, 'y': 20}, 'button': 'left'},
    {'type': 'click', 'pos': {'x': -1, 'y': 5}, 'button': 'right'},
    {'type': 'key', 'key': 'q', 'mods': ['ctrl']},
    {'type': 'key', 'key': 'a', 'mods': []},
    {'type': 'key', 'key': 'z', 'mods': ['ctrl', 'shift']},
    {'type': 'scroll', 'delta': [0, -3]},
    {'type': 'scroll', 'delta': [2, 0, 1]},
    {'type': 'resize', 'size': (800, 600), 'extra': True},
    {'type': 'batch', 'events': [{'type': 'key', 'key': 'b', 'mods': []},
                                 {'type': 'click', 'pos': {'x': 1, 'y': 1}, 'button': 'left'}]},
    {'type': 'unknown'},
    ['not', 'a', 'dict'],
    None,
    42,
]


def describe(event, depth=0):
    pad = '  ' * depth
    match event:
        case {'type': 'click', 'pos': {'x': int(x), 'y': int(y)}, 'button': 'left' | 'middle' as b} if x >= 0 and y >= 0:
            return f'{pad}{b} click at ({x}, {y})'
        case {'type': 'click', 'pos': {'x': x, 'y': y}}:
            return f'{pad}ignored click at ({x}, {y})'
        case {'type': 'key', 'key': str(k), 'mods': []}:
            return f'{pad}key {k!r}'
        case {'type': 'key', 'key': 'q', 'mods': ['ctrl']}:
            return f'{pad}quit requested'
        case {'type': 'key', 'key': k, 'mods': [first, *others]}:
            return f'{pad}chord {"+".join([first, *others])}+{k}'
        case {'type': 'scroll', 'delta': [0, dy]}:
            return f'{pad}vertical scroll {dy:+d}'
        case {'type': 'scroll', 'delta': [dx, dy, *_]}:
            return f'{pad}scroll {dx},{dy}'
        case {'type': 'resize', 'size': (w, h), **rest}:
            return f'{pad}resize {w}x{h} extra={sorted(rest)}'
        case {'type': 'batch', 'events': [*inner]}:
            lines = [f'{pad}batch of {len(inner)}:']
            lines += [describe(e, depth + 1) for e in inner]
            return '\n'.join(lines)
        case {'type': t}:
            return f'{pad}unhandled event type {t!r}'
        case [*items]:
            return f'{pad}sequence of {len(items)}'
        case None:
            return f'{pad}nothing'
        case other:
            return f'{pad}garbage {other!r}'


for ev in EVENTS:
    print(describe(ev))


# validating a configuration tree
CONFIG = {
    'name': 'service',
    'port': 8080,
    'workers': {'min': 2, 'max': 16},
    'routes': [
        {'path': '/', 'handler': 'index', 'methods': ['GET']},
        {'path': '/api', 'handler': 'api', 'methods': ['GET', 'POST'], 'auth': {'kind': 'token', 'ttl': 3600}},
        {'path': '/bad', 'methods': 'GET'},
        {'path': '/up', 'handler': 'upload', 'methods': ['PUT'], 'auth': {'kind': 'basic'}},
        {'path': 5, 'handler': 'x', 'methods': []},
    ],
    'log': {'level': 'debug', 'file': None},
}


def validate(cfg):
    errors = []
    match cfg:
        case {'name': str(), 'port': int(port), **rest} if 0 < port < 65536:
            pass
        case _:
            errors.append('bad name/port')
            rest = {}
    match rest.get('workers'):
        case {'min': int(lo), 'max': int(hi)} if lo <= hi:
            pass
        case None:
            errors.append('workers missing')
        case w:
            errors.append(f'bad workers {w}')
    for i, route in enumerate(rest.get('routes', [])):
        match route:
            case {'path': str(p), 'handler': str(h), 'methods': [*ms], 'auth': {'kind': 'token', 'ttl': int(ttl)}}:
                print(f'  route {p} -> {h} {ms} token ttl={ttl}')
            case {'path': str(p), 'handler': str(h), 'methods': [str(), *_] as ms, 'auth': {'kind': kind}}:
                print(f'  route {p} -> {h} {ms} auth={kind}')
            case {'path': str(p), 'handler': str(h), 'methods': [_, *_] as ms}:
                print(f'  route {p} -> {h} {ms}')
            case {'path': str(p)}:
                errors.append(f'route {i} ({p}) incomplete')
            case _:
                errors.append(f'route {i} malformed')
    match rest:
        case {'log': {'level': 'debug' | 'info' as lvl, 'file': None}}:
            print(f'  logging {lvl} to stderr')
        case {'log': {'level': lvl, 'file': str(f)}}:
            print(f'  logging {lvl} to {f}')
    return errors


print(validate(CONFIG))
print(validate({'name': 'x', 'port': 70000}))


# simplifying arithmetic expression trees written as tuples
def simplify(e):
    match e:
        case ('+', a, b):
            a, b = simplify(a), simplify(b)
            match (a, b):
                case (0, x) | (x, 0):
                    return x
                case (int(x), int(y)):
                    return x + y
                case _:
                    return ('+', a, b)
        case ('*', a, b):
            a, b = simplify(a), simplify(b)
            match (a, b):
                case (0, _) | (_, 0):
                    return 0
                case (1, x) | (x, 1):
                    return x
                case (int(x), int(y)):
                    return x * y
                case _:
                    return ('*', a, b)
        case ('-', a):
            match simplify(a):
                case ('-', inner):
                    return inner
                case int(n):
                    return -n
                case other:
                    return ('-', other)
        case str() | int():
            return e
        case _:
            raise ValueError(f'bad expression {e!r}')


def show(e):
    match e:
        case (op, a, b):
            return f'({show(a)} {op} {show(b)})'
        case ('-', a):
            return f'-{show(a)}'
        case _:
            return str(e)


EXPRS = [
    ('+', 'x', 0),
    ('*', ('+', 2, 3), ('+', 'y', ('*', 0, 'z'))),
    ('-', ('-', 'a')),
    ('+', ('*', 1, 'b'), ('-', 4)),
    ('*', ('+', 1, 1), ('+', 'q', ('-', ('-', 0)))),
    ('/', 1, 2),
]
for e in EXPRS:
    try:
        print(f'{show(e):35} => {show(simplify(e))}')
    except ValueError as err:
        print('error:', err)
