class Account:
    def __init__(self, owner):
        self.owner = owner

    @property
    def balance(self):
        return self._compute() * 2

    def _compute(self):
        return self.ledger["total"]

    @balance.setter
    def balance(self, v):
        raise AttributeError("read-only balance")


a = Account("ann")
try:
    a.balance = 3
except AttributeError as e:
    print("setter:", e)
print(a.balance)
