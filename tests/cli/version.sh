. ./norm.sh
run -V
run --version
