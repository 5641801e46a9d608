. ./norm.sh
run -X foo=1 -X bar -c 'import sys; print(sys._xoptions)'
run -Wignore -c 'import sys; print(sys.warnoptions)'
run -BSsq -c 'import sys; print(sys.flags.dont_write_bytecode, sys.flags.no_site, sys.flags.quiet)'
run -c 'import sys; print(sys.argv)' -- -x -V
run -I -c 'import sys; print(sys.flags.isolated, sys.flags.safe_path)'
run -c
run -X
run --foo
run -m nosuch_module
run -Vq
echo 'x = 5
x
if x:
  print(x)

1/0
print("after")' | run -i -c 'y = 1'
