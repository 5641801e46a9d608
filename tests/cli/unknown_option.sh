. ./norm.sh
run -Q
