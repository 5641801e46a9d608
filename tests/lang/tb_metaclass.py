class Meta(type):
    def __new__(m, name, bases, ns):
        if "bad" in ns:
            raise TypeError(f"class {name} may not define bad")
        return super().__new__(m, name, bases, ns)
class Ok(metaclass=Meta):
    pass
class Bad(metaclass=Meta):
    def bad(self):
        pass
