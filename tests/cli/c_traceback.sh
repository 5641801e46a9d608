. ./norm.sh
run -c 'def f(): return 1/0
f()'
run -c 'x = ('
run -c 'print(undefined)'
