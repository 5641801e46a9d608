# Nested calls through methods, static/class methods and a property.
class Account:
    def __init__(self, balance):
        self.balance = balance

    @property
    def ratio(self):
        return self.compute()

    def compute(self):
        return self.helper(0)

    @staticmethod
    def helper(d):
        return Account.divide(10, d)

    @classmethod
    def divide(cls, a, b):
        return a / b

def run():
    acc = Account(5)
    return acc.ratio

print("start")
run()
