# _random (Mersenne Twister, CPython's streams for the same seeds) under
# random.py, and _sha512 (sha512/sha384) which seeds from str/bytes use.
import random
r = random.Random(12345)
print(r.random(), r.getrandbits(5), r.getrandbits(100), r.randint(1, 10**30))
for seed in [0, 1, -1, 2**32, 2**64 + 7, -(2**100), "hello", b"bytes", bytearray(b"ba"), 3.5, None]:
    r.seed(seed)
    if seed is not None:
        print(repr(seed)[:20], r.random(), r.getrandbits(64))
r.seed("x", version=1); print(r.random())
st = r.getstate(); a = [r.random() for _ in range(3)]; r.setstate(st); print(a == [r.random() for _ in range(3)])
print(len(st[1]), st[0], st[2])
random.seed(7); print(random.choice(range(100)), random.shuffle.__name__, random.sample(range(50), 5), random.uniform(1, 2), random.gauss(0, 1))
x = list(range(20)); random.shuffle(x); print(x)
print(random.randrange(0, 10**40, 3), random.choices("abc", k=5), random.betavariate(2, 3), random.expovariate(1.5))
print(random.getrandbits(0), random.getrandbits(32), random.getrandbits(33))
for bad in [(-1,)]:
    try: random.getrandbits(*bad)
    except ValueError as e: print("ValueError:", e)
import _random
try: _random.Random(1, 2)
except TypeError as e: print("TypeError:", e)
try: _random.Random(x=1)
except TypeError as e: print("TypeError:", e)
class Sub(_random.Random):
    def __init__(self, a, b): self.ab = (a, b)
s = Sub(1, 2); print(s.ab); s.seed(5); print(s.random())
for bad in [[1]*625, (1,)*3, (1,)*624 + (700,), (-1,)*625, ("x",)*625]:
    try: r.setstate((3, bad, None))
    except (TypeError, ValueError, OverflowError) as e: print(type(e).__name__ + ":", e)
from _sha512 import sha512, sha384
for data in [b"", b"abc", b"a" * 111, b"a" * 112, b"a" * 127, b"a" * 128, b"a" * 1000, bytes(range(256)) * 5]:
    h = sha512(data)
    print(h.hexdigest()[:32], sha384(data).hexdigest()[:32], len(h.digest()))
h = sha512(); h.update(b"ab"); c = h.copy(); c.update(b"c"); h.update(bytearray(b"c"))
print(h.hexdigest() == c.hexdigest(), h.name, h.digest_size, h.block_size, sha384().name, sha384().digest_size)
for bad in ["str", 5]:
    try: sha512(bad)
    except TypeError as e: print("TypeError:", e)
print(sha512(string=b"x", usedforsecurity=False).hexdigest()[:16])
