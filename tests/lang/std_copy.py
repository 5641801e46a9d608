import copy
d = {'a': [1, 2]}; c1 = copy.copy(d); c2 = copy.deepcopy(d); d['a'].append(3); print(c1, c2)
