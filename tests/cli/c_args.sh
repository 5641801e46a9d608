. ./norm.sh
run -c 'import sys; print(sys.argv)' a b --flag
run -c 'print(__name__, 6 * 7)'
