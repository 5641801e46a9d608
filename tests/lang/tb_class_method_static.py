class Shape:
    registry = {}
    @classmethod
    def make(cls, kind):
        return cls.registry[kind]()
    @staticmethod
    def area_of(s):
        return s.area()
class Sq(Shape):
    def area(self):
        return self.side ** 2
Shape.registry["sq"] = Sq
Shape.area_of(Shape.make("sq"))
