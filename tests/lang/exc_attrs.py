e = ValueError('a', 2)
print(e.args, str(e), repr(e), repr(ValueError()), str(ValueError()), repr(ValueError('x')))
print(str(KeyError('k')), repr(KeyError('k')), str(KeyError()), str(KeyError(1, 2)), str(KeyError('')))
e.args = [1]
print(e.args, e)
print(repr(BaseException()), e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
try:
    raise ValueError('v') from KeyError('k')
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError('t')
except TypeError as e:
    print(repr(e.__context__))
e = Exception('n')
e.add_note('note1')
e.add_note('note2')
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as x:
    print(x)
try:
    raise e
except Exception as x:
    print(x.__traceback__ is not None, x.with_traceback(None) is x, x.__traceback__)
print(StopIteration(5).value, StopIteration().value)
s = SystemExit(3); print(s.code, SystemExit().code, SystemExit(1, 2).code)
print(repr(StopIteration(1, 2)))
ie = ImportError('msg', name='mod', path='/p')
print(ie.name, ie.path, ie.msg, str(ie), repr(ie))
try:
    ImportError(bad=1)
except TypeError as x:
    print(x)
ae = AttributeError('x', name='n', obj=5)
print(ae.name, ae.obj)
ne = NameError('m', name='nm'); print(ne.name)
print(BaseException.__new__(ValueError).args)
try:
    raise ValueError
except ValueError as x:
    print(repr(x))
try:
    raise 5
except TypeError as x:
    print(x)
try:
    raise ValueError from 3
except TypeError as x:
    print(x)
class MyE(Exception):
    def __init__(self):
        pass
print(repr(MyE()), MyE().args)
print(repr(UnicodeError('u')), issubclass(UnicodeDecodeError, ValueError))
e = Exception(); e.__cause__ = None
try:
    e.__cause__ = 1
except TypeError as x:
    print(x)
try:
    e.__context__ = 'a'
except TypeError as x:
    print(x)
try:
    e.with_traceback(1)
except TypeError as x:
    print(x)
print(e.__reduce__())
print(Exception.__str__(Exception('a', 'b')))
