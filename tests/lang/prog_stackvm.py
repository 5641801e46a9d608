# A small expression language: tokenizer, recursive-descent parser to an
# AST, a compiler to stack-VM bytecode, and the VM that runs it.

class Token:
    __slots__ = ('kind', 'text', 'pos')

    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos

    def __repr__(self):
        return f'Token({self.kind}, {self.text!r}, {self.pos})'


class LangError(Exception):
    def __init__(self, msg, pos=None):
        super().__init__(msg if pos is None else f'{msg} at {pos}')
        self.pos = pos


KEYWORDS = {'let', 'in', 'if', 'then', 'else', 'fn', 'print'}
OPS = ['==', '!=', '<=', '>=', '->', '+', '-', '*', '/', '%', '<', '>', '(', ')', ',', '=', ';']


def tokenize(src):
    i, out = 0, []
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            out.append(Token('num', src[i:j], i))
            i = j
        elif ch.isalpha() or ch == '_':
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == '_'):
                j += 1
            word = src[i:j]
            out.append(Token('kw' if word in KEYWORDS else 'name', word, i))
            i = j
        else:
            for op in OPS:
                if src.startswith(op, i):
                    out.append(Token('op', op, i))
                    i += len(op)
                    break
            else:
                raise LangError(f'unexpected character {ch!r}', i)
    out.append(Token('eof', '', len(src)))
    return out


class Parser:
    PREC = {'==': 1, '!=': 1, '<': 2, '>': 2, '<=': 2, '>=': 2,
            '+': 3, '-': 3, '*': 4, '/': 4, '%': 4}

    def __init__(self, tokens):
        self.toks, self.i = tokens, 0

    @property
    def tok(self):
        return self.toks[self.i]

    def eat(self, kind, text=None):
        t = self.tok
        if t.kind != kind or (text is not None and t.text != text):
            want = text or kind
            raise LangError(f'expected {want!r}, got {t.text or t.kind!r}', t.pos)
        self.i += 1
        return t

    def at(self, kind, text=None):
        return self.tok.kind == kind and (text is None or self.tok.text == text)

    def program(self):
        stmts = [self.expr()]
        while self.at('op', ';'):
            self.eat('op', ';')
            stmts.append(self.expr())
        self.eat('eof')
        return ('seq', stmts)

    def expr(self):
        if self.at('kw', 'let'):
            self.eat('kw')
            name = self.eat('name').text
            self.eat('op', '=')
            value = self.expr()
            self.eat('kw', 'in')
            return ('let', name, value, self.expr())
        if self.at('kw', 'if'):
            self.eat('kw')
            c = self.expr()
            self.eat('kw', 'then')
            a = self.expr()
            self.eat('kw', 'else')
            return ('if', c, a, self.expr())
        if self.at('kw', 'fn'):
            self.eat('kw')
            params = []
            while self.at('name'):
                params.append(self.eat('name').text)
            self.eat('op', '->')
            return ('fn', tuple(params), self.expr())
        if self.at('kw', 'print'):
            self.eat('kw')
            return ('print', self.expr())
        return self.binary(0)

    def binary(self, min_prec):
        left = self.unary()
        while self.at('op') and self.PREC.get(self.tok.text, -1) > min_prec:
            op = self.eat('op').text
            right = self.binary(self.PREC[op])
            left = ('bin', op, left, right)
        return left

    def unary(self):
        if self.at('op', '-'):
            self.eat('op')
            return ('neg', self.unary())
        return self.call()

    def call(self):
        node = self.atom()
        while self.at('op', '('):
            self.eat('op')
            args = []
            if not self.at('op', ')'):
                args.append(self.expr())
                while self.at('op', ','):
                    self.eat('op')
                    args.append(self.expr())
            self.eat('op', ')')
            node = ('call', node, args)
        return node

    def atom(self):
        t = self.tok
        if t.kind == 'num':
            self.i += 1
            return ('num', int(t.text))
        if t.kind == 'name':
            self.i += 1
            return ('var', t.text)
        if self.at('op', '('):
            self.eat('op')
            e = self.expr()
            self.eat('op', ')')
            return e
        raise LangError(f'unexpected {t.text or t.kind!r}', t.pos)


class Function:
    def __init__(self, params, code, env):
        self.params, self.code, self.env = params, code, env

    def __repr__(self):
        return f'<fn/{len(self.params)}>'


def compile_node(node, code):
    kind = node[0]
    if kind == 'num':
        code.append(('push', node[1]))
    elif kind == 'var':
        code.append(('load', node[1]))
    elif kind == 'neg':
        compile_node(node[1], code)
        code.append(('neg',))
    elif kind == 'bin':
        compile_node(node[2], code)
        compile_node(node[3], code)
        code.append(('op', node[1]))
    elif kind == 'let':
        compile_node(node[2], code)
        code.append(('bind', node[1]))
        compile_node(node[3], code)
        code.append(('unbind', node[1]))
    elif kind == 'if':
        compile_node(node[1], code)
        jf = len(code)
        code.append(None)
        compile_node(node[2], code)
        jend = len(code)
        code.append(None)
        code[jf] = ('jf', len(code))
        compile_node(node[3], code)
        code[jend] = ('jmp', len(code))
    elif kind == 'fn':
        body = []
        compile_node(node[2], body)
        body.append(('ret',))
        code.append(('closure', node[1], body))
    elif kind == 'call':
        compile_node(node[1], code)
        for a in node[2]:
            compile_node(a, code)
        code.append(('call', len(node[2])))
    elif kind == 'print':
        compile_node(node[1], code)
        code.append(('print',))
    elif kind == 'seq':
        for i, s in enumerate(node[1]):
            if i:
                code.append(('pop',))
            compile_node(s, code)
    else:
        raise LangError(f'cannot compile {kind}')
    return code


BINOPS = {
    '+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b,
    '/': lambda a, b: a // b, '%': lambda a, b: a % b,
    '<': lambda a, b: int(a < b), '>': lambda a, b: int(a > b),
    '<=': lambda a, b: int(a <= b), '>=': lambda a, b: int(a >= b),
    '==': lambda a, b: int(a == b), '!=': lambda a, b: int(a != b),
}


def run(code, env, depth=0, stats=None):
    if depth > 200:
        raise LangError('stack overflow')
    stack, pc, env = [], 0, dict(env)
    shadow = {}
    while pc < len(code):
        ins = code[pc]
        pc += 1
        if stats is not None:
            stats[ins[0]] = stats.get(ins[0], 0) + 1
        match ins:
            case ('push', v):
                stack.append(v)
            case ('load', name):
                if name not in env:
                    raise LangError(f'unbound variable {name}')
                stack.append(env[name])
            case ('neg',):
                stack.append(-stack.pop())
            case ('op', op):
                b, a = stack.pop(), stack.pop()
                try:
                    stack.append(BINOPS[op](a, b))
                except ZeroDivisionError:
                    raise LangError('division by zero') from None
            case ('bind', name):
                shadow.setdefault(name, []).append(env.get(name))
                env[name] = stack.pop()
            case ('unbind', name):
                old = shadow[name].pop()
                if old is None:
                    del env[name]
                else:
                    env[name] = old
            case ('jf', target):
                if not stack.pop():
                    pc = target
            case ('jmp', target):
                pc = target
            case ('closure', params, body):
                f = Function(params, body, None)
                f.env = dict(env)
                stack.append(f)
            case ('call', n):
                args = [stack.pop() for _ in range(n)][::-1]
                f = stack.pop()
                if not isinstance(f, Function):
                    raise LangError(f'{f!r} is not callable')
                if len(args) != len(f.params):
                    raise LangError(f'expected {len(f.params)} args, got {len(args)}')
                callenv = dict(f.env)
                callenv.update(zip(f.params, args))
                callenv.setdefault('self', f)
                stack.append(run(f.code, callenv, depth + 1, stats))
            case ('print',):
                print('  out:', stack[-1])
            case ('pop',):
                stack.pop()
            case ('ret',):
                break
            case _:
                raise LangError(f'bad instruction {ins}')
    return stack.pop()


PROGRAMS = [
    '1 + 2 * 3 - 4 / 2',
    '-(3 + 4) * 2 % 5',
    'let x = 5 in let y = x * x in y - x',
    'if 3 < 4 then 10 else 20',
    'let sq = fn x -> x * x in sq(7) + sq(2)',
    'let fact = fn n -> if n <= 1 then 1 else n * self(n - 1) in fact(10)',
    'let fib = fn n -> if n < 2 then n else self(n - 1) + self(n - 2) in fib(15)',
    'let add = fn a b -> a + b in let inc = fn x -> add(x, 1) in inc(inc(40))',
    'print 1 + 1; print 2 * 21; 99',
    'let mk = fn k -> fn x -> x + k in let f = mk(10) in f(5)',
    '1 / 0',
    'let f = fn a -> a in f(1, 2)',
    'unknown + 1',
    '3 $ 4',
    'let x = in 3',
    '(1 + 2',
    'let loop = fn n -> self(n + 1) in loop(0)',
    '5(3)',
]

stats = {}
for src in PROGRAMS:
    try:
        ast = Parser(tokenize(src)).program()
        code = compile_node(ast, [])
        result = run(code, {}, stats=stats)
        print(f'{src!r:70} => {result}')
    except LangError as e:
        print(f'{src!r:70} !! {e}')
print(sorted(stats.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
print(tokenize('let a=1')[:3])
