import operator
print(operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)('abc'), operator.attrgetter('real')(3), operator.methodcaller('upper')('x'))
print(operator.add(1, 2), operator.neg(3), operator.contains([1], 1), operator.index(5))
