. ./norm.sh
run nonexistent_script.py
