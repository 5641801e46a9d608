# io_stdio.sh — the std streams as _io objects: buffering with and without
# -u / PYTHONUNBUFFERED, stdout/stderr interleaving, stdin from a pipe,
# sys.stdout.buffer, closing stdout.
. ./norm.sh
prog='import sys
print("out1")
print("err1", file=sys.stderr)
sys.stdout.buffer.write(b"raw\n")
print("out2", flush=True)
print("err2", file=sys.stderr)
print(type(sys.stdout.buffer).__name__, sys.stdout.write_through, sys.stderr.line_buffering)'
PYTHONUNBUFFERED= run -c "$prog"
PYTHONUNBUFFERED= run -u -c "$prog"
PYTHONUNBUFFERED=1 run -c "$prog"
printf 'alpha\nbeta\r\ngamma' | PYTHONUNBUFFERED= run -c 'import sys
print(repr(input()), repr(sys.stdin.readline()), sys.stdin.readlines(), sys.stdin.read())
print(sys.stdin.buffer.read(), sys.stdin.newlines, sys.stdin.encoding)'
printf 'x\ny\n' | PYTHONUNBUFFERED= run -c 'import sys
print([l for l in sys.stdin], sys.stdin.buffer.raw)'
PYTHONUNBUFFERED= run -c 'import sys
print("before close")
sys.stdout.close()
print("after")'
PYTHONUNBUFFERED= run -c 'import sys, io
w = io.TextIOWrapper(sys.stdout.buffer, encoding="latin-1", newline="\r\n")
w.write("caf\xe9\n")
w.flush()
sys.stdout.reconfigure(errors="replace")
print("\udc80", sys.stdout.errors)'
