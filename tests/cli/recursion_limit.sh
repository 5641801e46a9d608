. ./norm.sh
run -c 'def f(): return f()
f()'
