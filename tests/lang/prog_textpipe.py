# A generator pipeline over text: reading lines, tokenizing, filtering,
# n-grams, word frequencies, a sliding window and a running report, with
# generator send()/close() and yield from.

TEXT = """\
The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox runs!  A quick brown dog? No -- a lazy fox.

# comment lines are skipped
Pack my box with five dozen liquor jugs.
How vexingly quick daft zebras jump!
The five boxing wizards jump quickly.
"""


def lines(text):
    for n, line in enumerate(text.splitlines(), 1):
        yield n, line


def skip_comments(pairs):
    for n, line in pairs:
        stripped = line.strip()
        if not stripped or stripped.startswith('#'):
            continue
        yield n, stripped


def words(pairs):
    for n, line in pairs:
        word = []
        for ch in line + ' ':
            if ch.isalpha() or ch == "'":
                word.append(ch.lower())
            elif word:
                yield n, ''.join(word)
                word.clear()


def ngrams(seq, n):
    window = []
    for item in seq:
        window.append(item)
        if len(window) > n:
            window.pop(0)
        if len(window) == n:
            yield tuple(window)


def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


def chain(*iterables):
    for it in iterables:
        yield from it


def counter():
    counts = {}
    total = 0
    while True:
        word = yield total
        if word is None:
            break
        counts[word] = counts.get(word, 0) + 1
        total += 1
    return counts


def drive(gen, items):
    next(gen)
    for x in items:
        gen.send(x)
    try:
        gen.send(None)
    except StopIteration as e:
        return e.value


def averager():
    total = count = 0
    avg = None
    try:
        while True:
            x = yield avg
            total += x
            count += 1
            avg = total / count
    except GeneratorExit:
        print(f'  averager closed after {count} values')
        raise


def grouped(pairs):
    current, bucket = None, []
    for key, value in pairs:
        if key != current and bucket:
            yield current, bucket
            bucket = []
        current = key
        bucket.append(value)
    if bucket:
        yield current, bucket


all_words = list(words(skip_comments(lines(TEXT))))
print(len(all_words), all_words[:6])
for lineno, ws in grouped(all_words):
    print(f'line {lineno}: {len(ws)} words, longest {max(ws, key=len)!r}')

freq = drive(counter(), (w for _, w in all_words))
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print('top:', top)
print('bigrams:', list(take(4, ngrams((w for _, w in all_words), 2))))
trigram_counts = {}
for tri in ngrams((w for _, w in all_words), 3):
    trigram_counts[tri] = trigram_counts.get(tri, 0) + 1
print('repeated trigrams:', [t for t, c in trigram_counts.items() if c > 1])

avg = averager()
next(avg)
for length in (len(w) for _, w in all_words):
    current = avg.send(length)
print(f'average word length {current:.3f}')
avg.close()

lazy = (w.upper() for _, w in all_words if len(w) > 5)
print(next(lazy), next(lazy))
print(list(chain('ab', range(3), lazy)))
print(list(lazy))

letters = {}
for _, w in all_words:
    for ch in w:
        letters[ch] = letters.get(ch, 0) + 1
missing = [c for c in 'abcdefghijklmnopqrstuvwxyz' if c not in letters]
print('pangram' if not missing else f'missing {missing}')
hist = sorted(letters.items(), key=lambda kv: -kv[1])[:5]
for ch, n in hist:
    print(f'  {ch} {"#" * (n // 2)} {n}')


def sentence_splitter(chars):
    buf = []
    for ch in chars:
        buf.append(ch)
        if ch in '.!?;':
            s = ''.join(buf).strip()
            buf.clear()
            if s:
                yield s
    rest = ''.join(buf).strip()
    if rest:
        yield rest


sentences = list(sentence_splitter(c for line in TEXT.splitlines() if not line.startswith('#') for c in line + ' '))
for s in sentences:
    print(f'  [{len(s.split()):2}] {s}')

g = (x * x for x in range(5))
print(g.gi_running, next(g), list(g), next(g, 'exhausted'))


def tee_like(it):
    cache = []
    src = iter(it)

    def reader():
        i = 0
        while True:
            if i < len(cache):
                yield cache[i]
            else:
                try:
                    v = next(src)
                except StopIteration:
                    return
                cache.append(v)
                yield v
            i += 1
    return reader(), reader()


a, b = tee_like(w for _, w in all_words[:5])
print(list(zip(a, b)), list(a), list(b))
