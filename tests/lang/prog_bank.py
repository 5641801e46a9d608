# A bank / inventory simulation: class hierarchies, properties, class and
# static methods, operator overloading, custom exceptions, __slots__,
# sorting with keys, and a transaction log.

class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f'{account.owner}: cannot withdraw {amount:.2f}, balance {account.balance:.2f}')
        self.account = account
        self.amount = amount


class FrozenAccount(Exception):
    pass


class Money:
    __slots__ = ('cents',)

    def __init__(self, amount=0):
        self.cents = round(amount * 100) if isinstance(amount, float) else amount * 100

    @classmethod
    def from_cents(cls, cents):
        m = cls()
        m.cents = cents
        return m

    def __add__(self, other):
        return Money.from_cents(self.cents + other.cents)

    def __sub__(self, other):
        return Money.from_cents(self.cents - other.cents)

    def __mul__(self, k):
        return Money.from_cents(round(self.cents * k))

    __rmul__ = __mul__

    def __lt__(self, other):
        return self.cents < other.cents

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __hash__(self):
        return hash(self.cents)

    def __bool__(self):
        return self.cents != 0

    def __repr__(self):
        sign = '-' if self.cents < 0 else ''
        c = abs(self.cents)
        return f'{sign}${c // 100:,}.{c % 100:02d}'


class Account:
    _next_id = 1000
    interest_rate = 0.0

    def __init__(self, owner, opening=0):
        self.owner = owner
        self._balance = Money(opening)
        self.frozen = False
        self.history = []
        self.number = Account._next_id
        Account._next_id += 1

    @property
    def balance(self):
        return self._balance.cents / 100

    @balance.setter
    def balance(self, value):
        raise AttributeError('use deposit/withdraw')

    def _log(self, kind, amount):
        self.history.append((kind, amount, repr(self._balance)))

    def deposit(self, amount):
        if self.frozen:
            raise FrozenAccount(self.owner)
        if amount <= 0:
            raise ValueError(f'deposit must be positive, got {amount}')
        self._balance = self._balance + Money(amount)
        self._log('dep', amount)
        return self

    def withdraw(self, amount):
        if self.frozen:
            raise FrozenAccount(self.owner)
        if Money(amount).cents > self.limit():
            raise InsufficientFunds(self, amount)
        self._balance = self._balance - Money(amount)
        self._log('wd', amount)
        return self

    def limit(self):
        return self._balance.cents

    def month_end(self):
        if self.interest_rate and self._balance.cents > 0:
            gain = self._balance * self.interest_rate
            self._balance = self._balance + gain
            self._log('int', gain.cents / 100)

    def __repr__(self):
        return f'{type(self).__name__}(#{self.number} {self.owner} {self._balance!r})'


class Savings(Account):
    interest_rate = 0.015
    max_withdrawals = 2

    def __init__(self, owner, opening=0):
        super().__init__(owner, opening)
        self.withdrawals = 0

    def withdraw(self, amount):
        if self.withdrawals >= self.max_withdrawals:
            raise PermissionError(f'{self.owner}: withdrawal limit reached')
        super().withdraw(amount)
        self.withdrawals += 1
        return self

    def month_end(self):
        super().month_end()
        self.withdrawals = 0


class Checking(Account):
    def __init__(self, owner, opening=0, overdraft=100):
        super().__init__(owner, opening)
        self.overdraft = overdraft

    def limit(self):
        return super().limit() + self.overdraft * 100


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}

    def open(self, kind, *args, **kwargs):
        acct = kind(*args, **kwargs)
        self.accounts[acct.number] = acct
        return acct

    def transfer(self, src, dst, amount):
        try:
            src.withdraw(amount)
        except (InsufficientFunds, PermissionError, FrozenAccount) as e:
            print('  transfer failed:', type(e).__name__, e)
            return False
        else:
            dst.deposit(amount)
            return True
        finally:
            print(f'  transfer {amount} {src.owner}->{dst.owner} attempted')

    def total(self):
        return sum((a._balance for a in self.accounts.values()), Money())

    def report(self):
        print(f'== {self.name} ==')
        for a in sorted(self.accounts.values(), key=lambda a: (-a.balance, a.owner)):
            print(f'  {a.number} {a.owner:<8} {type(a).__name__:<9} {a.balance:>10.2f}')
        print(f'  total: {self.total()!r}')


bank = Bank('First Pith')
alice = bank.open(Checking, 'alice', 500)
bob = bank.open(Savings, 'bob', 1200)
carol = bank.open(Checking, 'carol', 50, overdraft=0)
dave = bank.open(Savings, opening=20, owner='dave')

alice.deposit(250.75).withdraw(100)
bank.transfer(alice, carol, 700)
bank.transfer(alice, carol, 100)
bank.transfer(carol, alice, 1000)
bank.transfer(bob, dave, 100)
bank.transfer(bob, dave, 100)
bank.transfer(bob, dave, 100)
try:
    alice.balance = 10
except AttributeError as e:
    print('setter:', e)
try:
    dave.deposit(-5)
except ValueError as e:
    print('deposit:', e)
carol.frozen = True
try:
    carol.deposit(1)
except FrozenAccount as e:
    print('frozen:', repr(e))
for a in bank.accounts.values():
    a.month_end()
bank.report()
print(bob.history)
print(Money(3) * 1.5, 2 * Money(1.25), Money(0) or 'empty', Money(2) == Money(2.0))
print(sorted([Money(5), Money(1.5), Money(3)]), len({Money(1), Money(1.0), Money(2)}))
print(isinstance(bob, Account), issubclass(Checking, Savings), Savings.__mro__[1].__name__)
print([cls.__name__ for cls in Account.__subclasses__()])


# inventory with stock levels and reorder rules
class Item:
    def __init__(self, sku, name, price, qty, reorder_at=5):
        self.sku, self.name, self.price, self.qty, self.reorder_at = sku, name, price, qty, reorder_at

    @property
    def value(self):
        return self.price * self.qty

    def __repr__(self):
        return f'<{self.sku} {self.name} x{self.qty}>'


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, *items):
        for it in items:
            if it.sku in self.items:
                raise KeyError(f'duplicate sku {it.sku}')
            self.items[it.sku] = it

    def sell(self, sku, n):
        it = self.items[sku]
        if n > it.qty:
            raise ValueError(f'only {it.qty} {it.name} left')
        it.qty -= n
        return it.price * n

    def needs_reorder(self):
        return [it for it in self.items.values() if it.qty <= it.reorder_at]

    def __iter__(self):
        return iter(sorted(self.items.values(), key=lambda i: i.sku))

    def __len__(self):
        return len(self.items)

    def __contains__(self, sku):
        return sku in self.items


inv = Inventory()
inv.add(Item('A1', 'widget', 2.5, 40), Item('B7', 'gadget', 12.0, 6), Item('C3', 'doohickey', 0.99, 300, 50))
try:
    inv.add(Item('A1', 'dup', 1, 1))
except KeyError as e:
    print('add:', e)
revenue = 0
for sku, n in [('A1', 10), ('B7', 2), ('C3', 260), ('B7', 9), ('Z9', 1)]:
    try:
        revenue += inv.sell(sku, n)
    except ValueError as e:
        print('sell:', e)
    except KeyError as e:
        print('sell: unknown', e)
print(f'revenue {revenue:.2f}', len(inv), 'B7' in inv, 'Q' in inv)
print(list(inv), inv.needs_reorder())
print(f"{sum(i.value for i in inv):.2f}", max(inv, key=lambda i: i.value).name)
