#!/usr/bin/env bash
# regen.sh [FILES...] — regenerate expected outputs with python3 (CPython 3.11)
# for tests/lang/*.py and tests/cli/*.sh (all of them when no FILES given).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=$(python3 -c "import sys; print(sys.executable)")
files=("$@")
[ ${#files[@]} = 0 ] && files=("$ROOT"/tests/lang/*.py "$ROOT"/tests/cli/*.sh)
for f in "${files[@]}"; do
    f=$(realpath "$f")
    dir=$(dirname "$f")
    base=$(basename "$f")
    name=${base%.*}
    input=/dev/null
    [ -f "$dir/$name.in" ] && input="$dir/$name.in"
    case "$base" in
    *.py) (cd "$dir" && "$PY" "$base" <"$input" >"$name.out" 2>"$name.err"); code=$? ;;
    *.sh) (cd "$dir" && bash "$base" "$PY" <"$input" >"$name.out" 2>"$name.err"); code=$? ;;
    *) continue ;;
    esac
    sed -i "s|$dir/||g" "$dir/$name.out" "$dir/$name.err"
    [ -s "$dir/$name.err" ] || rm -f "$dir/$name.err"
    if [ $code != 0 ]; then echo $code >"$dir/$name.code"; else rm -f "$dir/$name.code"; fi
done
