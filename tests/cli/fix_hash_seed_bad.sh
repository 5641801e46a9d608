# PYTHONHASHSEED must be "random" or 0..4294967295 (strtoul syntax): anything
# else is a fatal start-up error (exit 1) unless -E/-I ignore the environment;
# sys.flags.hash_randomization is 0 only for PYTHONHASHSEED=0.
. ./norm.sh
for seed in abc 4294967296 -1 '5 ' 0x10 1_0 99999999999999999999999; do
    echo "seed [$seed]"
    PYTHONHASHSEED=$seed run -c 'print("ran")'
done
for seed in ' 5' +5 -0 0 7 random ''; do
    echo "seed [$seed]"
    PYTHONHASHSEED=$seed run -c 'import sys; print(sys.flags.hash_randomization)'
done
PYTHONHASHSEED=abc run -E -c 'import sys; print(sys.flags.hash_randomization)'
PYTHONHASHSEED=abc run -I -c 'print("isolated")'
PYTHONHASHSEED=abc run -V
PYTHONHASHSEED=abc run nosuch_script.py
