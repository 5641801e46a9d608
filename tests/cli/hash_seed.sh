# PYTHONHASHSEED fixes the SipHash-1-3 key of str/bytes hashing as in CPython.
. ./norm.sh
code='
print(hash("abc"), hash(b"abc"), hash(""), hash(b""))
print(hash("\xe9t\xe9"), hash("\u20ac uro"), hash("\U0001F600!"), hash("x" * 1000))
print(hash(memoryview(b"abc")) == hash(b"abc"), hash(frozenset(["a", "b"])))
print(hash(("a", 1, b"b")))
print(list({"apple", "banana", "cherry", "date", "elder", "fig"}))
'
for seed in 0 1 42 4294967295; do
    echo "seed $seed"
    PYTHONHASHSEED=$seed run -c "$code"
done
PYTHONHASHSEED=random run -c 'print(type(hash("abc")).__name__)'
