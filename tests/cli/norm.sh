# norm.sh — sourced by the CLI tests: run the interpreter with stderr merged
# and replace the interpreter's own path (which CPython prints) by PROG.
run() {
    "$PROG_PATH" "$@" 2>&1 | sed -e "s|^[^ ]*/python3\(\.11\)\?:|PROG:|" -e "s|^[^ ]*pith[^ :]*:|PROG:|" \
        -e "s|^usage: [^ ]*|usage: PROG|" -e "s|\`python -h'|\`PROG -h'|" -e "s|\`pith -h'|\`PROG -h'|"
    echo "exit ${PIPESTATUS[0]}"
}
PROG_PATH=$1
