# Dataclass-like metaprogramming without imports: fields declared with
# annotations and descriptors, __init_subclass__ registering record types,
# generated __init__/__repr__/__eq__/ordering via exec-free closures,
# validators as descriptors with __set_name__, and a metaclass adding
# a registry and __prepare__-based field ordering.

MISSING = object()


class Field:
    def __init__(self, default=MISSING, *, validator=None, repr=True):
        self.default = default
        self.validator = validator
        self.repr = repr

    def __set_name__(self, owner, name):
        self.name = name
        self.private = '_' + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        try:
            return getattr(obj, self.private)
        except AttributeError:
            raise AttributeError(f'{type(obj).__name__!r} record has no value for {self.name!r}') from None

    def __set__(self, obj, value):
        if self.validator is not None:
            value = self.validator(self.name, value)
        object.__setattr__(obj, self.private, value)


def positive(name, value):
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise TypeError(f'{name} must be a number, got {type(value).__name__}')
    if value <= 0:
        raise ValueError(f'{name} must be positive, got {value}')
    return value


def nonempty(name, value):
    value = str(value).strip()
    if not value:
        raise ValueError(f'{name} must not be empty')
    return value


class RecordMeta(type):
    registry = {}

    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        return {'__order__': []}

    def __new__(mcls, name, bases, ns, **kwargs):
        ann = ns.get('__annotations__', {})
        fields = []
        for base in bases:
            fields.extend(getattr(base, '__fields__', ()))
        for fname in ann:
            value = ns.get(fname, MISSING)
            if not isinstance(value, Field):
                value = Field(value)
                ns[fname] = value
            fields = [f for f in fields if f != fname] + [fname]
        ns['__fields__'] = tuple(fields)
        abstract = kwargs.pop('abstract', False)
        cls = super().__new__(mcls, name, bases, ns, **kwargs)
        if not abstract:
            mcls.registry[name] = cls
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
        cls.__order__.extend(cls.__fields__)


class Record(metaclass=RecordMeta, abstract=True):
    def __init_subclass__(cls, frozen=False, order=False, **kwargs):
        super().__init_subclass__()
        cls.__frozen__ = frozen
        if order:
            def key(self):
                return tuple(getattr(self, f) for f in cls.__fields__)
            cls.__lt__ = lambda a, b: key(a) < key(b) if type(a) is type(b) else NotImplemented
            cls.__le__ = lambda a, b: key(a) <= key(b) if type(a) is type(b) else NotImplemented

    def __init__(self, *args, **kwargs):
        fields = type(self).__fields__
        if len(args) > len(fields):
            raise TypeError(f'{type(self).__name__}() takes {len(fields)} positional arguments but {len(args)} were given')
        values = dict(zip(fields, args))
        for k, v in kwargs.items():
            if k not in fields:
                raise TypeError(f'{type(self).__name__}() got an unexpected keyword argument {k!r}')
            if k in values:
                raise TypeError(f'{type(self).__name__}() got multiple values for argument {k!r}')
            values[k] = v
        for f in fields:
            if f not in values:
                default = type(self).__dict__.get(f, None) or getattr(type(self), f)
                if default.default is MISSING:
                    raise TypeError(f'{type(self).__name__}() missing required argument {f!r}')
                values[f] = default.default() if callable(default.default) else default.default
            object.__setattr__(self, f, values[f])
        post = getattr(self, '__post_init__', None)
        if post:
            post()

    def __setattr__(self, name, value):
        if type(self).__frozen__:
            raise AttributeError(f'cannot assign to field {name!r} of frozen {type(self).__name__}')
        object.__setattr__(self, name, value)

    def __repr__(self):
        parts = []
        for f in type(self).__fields__:
            descr = getattr(type(self), f)
            if descr.repr:
                parts.append(f'{f}={getattr(self, f)!r}')
        return f'{type(self).__name__}({", ".join(parts)})'

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self.__fields__)

    def __hash__(self):
        if not type(self).__frozen__:
            raise TypeError(f'unhashable type: {type(self).__name__!r}')
        return hash(tuple(getattr(self, f) for f in self.__fields__))

    def replace(self, **changes):
        values = {f: getattr(self, f) for f in self.__fields__}
        values.update(changes)
        return type(self)(**values)


class Point(Record, frozen=True, order=True):
    x: float = 0
    y: float = 0


class Product(Record):
    name: str = Field(validator=nonempty)
    price: float = Field(validator=positive)
    tags: list = Field(list, repr=False)
    sku: str = 'n/a'

    def __post_init__(self):
        self.tags.append('new')


class Book(Product, order=True):
    author: str = Field(validator=nonempty)
    sku: str = 'book'


p = Point(1, 2)
q = Point(y=5)
print(p, q, p == Point(1.0, 2.0), p != q, p < q, sorted([q, p, Point(-1, 9)]))
print(len({p, Point(1, 2), q}), p.replace(y=-2), Point.__fields__)
try:
    p.x = 10
except AttributeError as e:
    print('AttributeError:', e)
b = Book('  Dune ', 9.99, author='Herbert')
print(b, b.tags, b.sku, Book.__fields__)
prod = Product('pen', 1.5)
prod.price = 2
print(prod, prod.tags is not b.tags)
for bad in [lambda: Product('', 1), lambda: Product('x', -1), lambda: Product('x', True),
            lambda: Product('x'), lambda: Product('x', 1, [], 's', 'extra'),
            lambda: Product('x', 1, nope=1), lambda: Product('x', 1, name='y'),
            lambda: hash(prod), lambda: Point(1, 2) < b]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(f'{type(e).__name__}: {e}')
print(sorted(RecordMeta.registry), type(Book).__name__, isinstance(b, Product))
print(Book.__mro__[1:3], Product.name.__class__.__name__, Product.__dict__['__order__'])
empty = Product.__new__(Product)
try:
    empty.name
except AttributeError as e:
    print('AttributeError:', e)


class Typed:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.checked = {k: v for k, v in cls.__annotations__.items()}

    def __setattr__(self, k, v):
        t = self.checked.get(k)
        if t is not None and not isinstance(v, t):
            raise TypeError(f'{k}: expected {t.__name__}, got {type(v).__name__}')
        super().__setattr__(k, v)


class Config(Typed):
    port: int
    host: str


c = Config()
c.port = 80
c.host = 'localhost'
try:
    c.port = '80'
except TypeError as e:
    print(e)
print(vars(c), Config.checked)
