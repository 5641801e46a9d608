# A text report formatter: column specs, alignment, number formats with
# str.format / f-strings (nested specs, !r/!s/!a, =), wrapping, totals and
# a bar chart.

ROWS = [
    {'region': 'North', 'product': 'Widget', 'units': 1200, 'price': 2.5, 'growth': 0.0412},
    {'region': 'North', 'product': 'Gadget', 'units': 85, 'price': 129.99, 'growth': -0.12},
    {'region': 'South', 'product': 'Widget', 'units': 3400, 'price': 2.25, 'growth': 0.31},
    {'region': 'South', 'product': 'Doohickey with a very long name', 'units': 7, 'price': 1999.0, 'growth': 1.5},
    {'region': 'East', 'product': 'Gizmo', 'units': 0, 'price': 15.0, 'growth': None},
    {'region': 'West', 'product': 'Ünïcode thing', 'units': 42, 'price': 0.5, 'growth': 0.0},
]


class Column:
    def __init__(self, key, title=None, width=None, align='<', fmt='', total=False):
        self.key = key
        self.title = title or key.capitalize()
        self.width = width
        self.align = align
        self.fmt = fmt
        self.total = total

    def render(self, value):
        if value is None:
            return '-'
        if callable(self.fmt):
            return self.fmt(value)
        return format(value, self.fmt)


def truncate(text, width):
    return text if len(text) <= width else text[:width - 1] + '…'


def table(rows, columns, title=None):
    cells = [[c.render(r.get(c.key)) for c in columns] for r in rows]
    totals = []
    for i, c in enumerate(columns):
        if c.total:
            totals.append(c.render(sum(r[c.key] for r in rows if r.get(c.key) is not None)))
        else:
            totals.append('total' if i == 0 else '')
    widths = []
    for i, c in enumerate(columns):
        natural = max(len(c.title), *(len(row[i]) for row in cells), len(totals[i]))
        widths.append(min(natural, c.width) if c.width else natural)
    sep = '+' + '+'.join('-' * (w + 2) for w in widths) + '+'
    out = []
    if title:
        inner = len(sep) - 2
        out.append('+' + '-' * inner + '+')
        out.append('|{:^{w}}|'.format(title, w=inner))
    out.append(sep)
    out.append('|' + '|'.join(f' {c.title:^{w}} ' for c, w in zip(columns, widths)) + '|')
    out.append(sep.replace('-', '='))
    for row in cells + [None, totals]:
        if row is None:
            out.append(sep)
            continue
        parts = []
        for text, c, w in zip(row, columns, widths):
            parts.append(' {:{a}{w}} '.format(truncate(text, w), a=c.align, w=w))
        out.append('|' + '|'.join(parts) + '|')
    out.append(sep)
    return '\n'.join(out)


cols = [
    Column('region'),
    Column('product', width=18),
    Column('units', align='>', fmt=',', total=True),
    Column('price', align='>', fmt='.2f'),
    Column('growth', align='>', fmt='+.1%'),
    Column('revenue', align='>', fmt=lambda v: f'${v:,.2f}', total=True),
]
for r in ROWS:
    r['revenue'] = r['units'] * r['price']
print(table(ROWS, cols, title='Quarterly sales'))


def bar_chart(pairs, width=30, fill='█'):
    top = max(v for _, v in pairs)
    label_w = max(len(k) for k, _ in pairs)
    for k, v in pairs:
        n = round(v / top * width) if top else 0
        print(f'{k:>{label_w}} │{fill * n:<{width}}│ {v:>10,.1f}')


by_region = {}
for r in ROWS:
    by_region[r['region']] = by_region.get(r['region'], 0) + r['revenue']
bar_chart(sorted(by_region.items(), key=lambda kv: -kv[1]))


def wrap(text, width):
    lines, line = [], ''
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f'{line} {word}' if line else word
    if line:
        lines.append(line)
    return lines


PARA = ('Formatting numbers is surprisingly subtle: thousands separators, '
        'signs, padding with zeros, percentages and engineering notation all '
        'interact with alignment and width in ways that are easy to get wrong.')
for w in (30, 45):
    print(f'--- width {w} ---')
    for i, line in enumerate(wrap(PARA, w)):
        print(f'{i + 1:02d}: {line:<{w}}|' if i % 2 == 0 else f'{i + 1:02d}: {line:>{w}}|')

x, name, pi = 42, 'pith', 3.14159265
print(f'{x=}, {name=!s}, {pi=:.3f}, {x * 2 = }')
print(f'{name!r:>10}|{name!a}|{"ü"!a}|{x:#x}|{x:#o}|{x:#b}|{x:08.3f}')
print('{0}{1}{0}'.format('ab', 'cd'), '{:*^15}'.format(' mid '), '{:=+8}'.format(-12))
print('{p.real} {p.imag} {d[k]} {l[1]}'.format(p=3 + 4j, d={'k': 'v'}, l=[7, 8]))
print(format(1234567.891, ',.2f'), format(0.000123, '.2e'), format(123456789, '_'),
      format(1e100, 'g'), format(-0.0, '+'), format(12.5, '%'))
print('%-6s|%6.2f|%+d|%x|%r|%%' % ('ab', 3.14159, 5, 255, 'q'))
print('%(a)s and %(b)05d' % {'a': 'dict', 'b': 42})
for spec in ('>8', '<8', '^8', '08', '+08.2f', ',d', 'e'):
    try:
        print(f'{spec!r:8} -> [{format(1234.5 if "f" in spec or spec == "e" else 1234, spec)}]')
    except ValueError as e:
        print(f'{spec!r:8} -> ValueError: {e}')
try:
    format('abc', 'd')
except ValueError as e:
    print('ValueError:', e)
try:
    '{} {}'.format(1)
except IndexError as e:
    print('IndexError:', e)
try:
    '{0} {}'.format(1, 2)
except ValueError as e:
    print('ValueError:', e)
