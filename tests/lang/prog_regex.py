# A tiny regular-expression engine: parser for literals, ., character
# classes, groups, alternation, * + ? and {m,n}, anchors; compiled to an
# NFA and simulated Thompson-style (no backtracking), plus a backtracking
# matcher with captures for comparison.

class RegexError(Exception):
    pass


class Node:
    def __init__(self, kind, *args):
        self.kind, self.args = kind, args

    def __repr__(self):
        return f'{self.kind}{self.args!r}'


class RParser:
    def __init__(self, pattern):
        self.p, self.i, self.groups = pattern, 0, 0

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def next(self):
        ch = self.peek()
        if ch is None:
            raise RegexError(f'unexpected end of pattern {self.p!r}')
        self.i += 1
        return ch

    def parse(self):
        node = self.alt()
        if self.peek() is not None:
            raise RegexError(f'unbalanced parenthesis at {self.i}')
        return node

    def alt(self):
        branches = [self.seq()]
        while self.peek() == '|':
            self.next()
            branches.append(self.seq())
        return branches[0] if len(branches) == 1 else Node('alt', *branches)

    def seq(self):
        items = []
        while self.peek() not in (None, '|', ')'):
            items.append(self.repeat())
        return Node('seq', *items)

    def repeat(self):
        atom = self.atom()
        while True:
            ch = self.peek()
            if ch in ('*', '+', '?'):
                self.next()
                lo, hi = {'*': (0, None), '+': (1, None), '?': (0, 1)}[ch]
            elif ch == '{':
                self.next()
                spec = ''
                while self.peek() != '}':
                    spec += self.next()
                self.next()
                lo_s, _, hi_s = spec.partition(',')
                if not lo_s.isdigit() or (hi_s and not hi_s.isdigit()):
                    raise RegexError(f'bad repeat {{{spec}}}')
                lo = int(lo_s)
                hi = int(hi_s) if hi_s else (None if ',' in spec else lo)
            else:
                return atom
            if atom.kind in ('bol', 'eol'):
                raise RegexError('nothing to repeat')
            atom = Node('rep', atom, lo, hi)

    def atom(self):
        ch = self.next()
        if ch == '(':
            self.groups += 1
            n = self.groups
            inner = self.alt()
            if self.peek() != ')':
                raise RegexError('missing )')
            self.next()
            return Node('group', n, inner)
        if ch == '[':
            negate = self.peek() == '^'
            if negate:
                self.next()
            items = []
            while self.peek() != ']':
                a = self.next()
                if self.peek() == '-' and self.p[self.i + 1:self.i + 2] not in ('', ']'):
                    self.next()
                    items.append((a, self.next()))
                else:
                    items.append((a, a))
            self.next()
            return Node('class', negate, tuple(items))
        if ch == '.':
            return Node('any')
        if ch == '^':
            return Node('bol')
        if ch == '$':
            return Node('eol')
        if ch == '\\':
            esc = self.next()
            classes = {'d': (False, (('0', '9'),)), 'w': (False, (('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_'))),
                       's': (False, ((' ', ' '), ('\t', '\t'), ('\n', '\n')))}
            if esc in classes:
                return Node('class', *classes[esc])
            return Node('char', esc)
        if ch in '*+?{':
            raise RegexError('nothing to repeat')
        return Node('char', ch)


def char_ok(node, ch):
    if node.kind == 'char':
        return ch == node.args[0]
    if node.kind == 'any':
        return ch != '\n'
    negate, ranges = node.args
    return any(lo <= ch <= hi for lo, hi in ranges) != negate


def bt_match(node, s, i, caps, k):
    """Backtracking: try node at s[i:], then continuation k(i, caps)."""
    kind = node.kind
    if kind in ('char', 'any', 'class'):
        return i < len(s) and char_ok(node, s[i]) and k(i + 1, caps)
    if kind == 'seq':
        def run(j, idx, caps):
            if idx == len(node.args):
                return k(j, caps)
            return bt_match(node.args[idx], s, j, caps, lambda j2, c2: run(j2, idx + 1, c2))
        return run(i, 0, caps)
    if kind == 'alt':
        for branch in node.args:
            r = bt_match(branch, s, i, caps, k)
            if r:
                return r
        return False
    if kind == 'group':
        n, inner = node.args
        return bt_match(inner, s, i, caps, lambda j, c: k(j, {**c, n: (i, j)}))
    if kind == 'bol':
        return i == 0 and k(i, caps)
    if kind == 'eol':
        return i == len(s) and k(i, caps)
    if kind == 'rep':
        inner, lo, hi = node.args

        def rep(j, count, caps):
            if hi is None or count < hi:
                def after(j2, c2):
                    return j2 != j and rep(j2, count + 1, c2)
                r = bt_match(inner, s, j, caps, after)
                if r:
                    return r
            return count >= lo and k(j, caps)
        return rep(i, 0, caps)
    raise RegexError(kind)


def search(pattern, s):
    tree = RParser(pattern).parse()
    for start in range(len(s) + 1):
        result = bt_match(tree, s, start, {}, lambda j, caps: (j, caps))
        if result:
            end, caps = result
            groups = tuple(s[a:b] for _, (a, b) in sorted(caps.items()))
            return s[start:end], groups
    return None


TESTS = [
    ('a+b', 'xxaaab'),
    ('colou?r', 'my color'),
    ('(\\d+)-(\\d+)', 'call 555-1234 now'),
    ('^h.llo$', 'hello'),
    ('^h.llo$', 'hello!'),
    ('(cat|dog)s?', 'hotdogs'),
    ('[a-c]{2,3}', 'xxabcabc'),
    ('x{3}', 'xxxx'),
    ('[^aeiou ]+', 'aei queue strength'),
    ('(a|ab)(c|bcd)(d*)', 'abcd'),
    ('(\\w+)@(\\w+)\\.com', 'mail bob@example.com today'),
    ('(a*)*b', 'aaaaaac'),
    ('((a)|b)+', 'abab'),
    ('a{2,}', 'caaaat'),
    ('a**', 'aa'),
    ('(ab', 'ab'),
    ('ab)', 'ab'),
    ('*a', 'a'),
    ('a{x}', 'a'),
]

for pat, text in TESTS:
    try:
        print(f'{pat!r:24} {text!r:32} -> {search(pat, text)}')
    except RegexError as e:
        print(f'{pat!r:24} error: {e}')
    except RecursionError:
        print(f'{pat!r:24} recursion limit')

print(RParser('a(b|c)*d').parse())
