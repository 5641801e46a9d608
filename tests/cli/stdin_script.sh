. ./norm.sh
echo 'print("from stdin", 6 * 7)' | run -
echo 'import sys; print(sys.argv)' | run - x y
echo 'print("implicit stdin")' | run
