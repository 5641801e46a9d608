. ./norm.sh
run -c 'import sys; sys.exit(0)'
run -c 'import sys; sys.exit(4)'
run -c 'import sys; sys.exit(None)'
run -c 'import sys; sys.exit("message")'
run -c 'raise SystemExit(7)'
run -c 'import sys; sys.exit(256 + 3)'
run -c 'pass'
