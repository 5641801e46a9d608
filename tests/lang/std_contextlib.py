import contextlib
@contextlib.contextmanager
def cm(x):
    print('enter', x); yield x * 2; print('exit', x)
with cm(3) as v: print('inside', v)
with contextlib.suppress(KeyError): {}['x']
print('suppressed')
with contextlib.ExitStack() as st:
    st.callback(print, 'callback ran')
    print('in stack')
