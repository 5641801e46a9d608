# Cellular automata: Conway's game of life on a torus with sets of live
# cells, pattern detection (still life / oscillator / glider), an
# elementary 1-D automaton (rule 30/90/110) and Langton's ant.

class Grid:
    def __init__(self, width, height, live=()):
        self.width, self.height = width, height
        self.live = frozenset((x % width, y % height) for x, y in live)

    @classmethod
    def parse(cls, text, width=None, height=None):
        rows = [r for r in text.strip('\n').splitlines()]
        live = {(x, y) for y, row in enumerate(rows) for x, ch in enumerate(row) if ch in '#O'}
        w = width or max(len(r) for r in rows)
        h = height or len(rows)
        return cls(w, h, live)

    def neighbours(self, x, y):
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                if dx or dy:
                    yield (x + dx) % self.width, (y + dy) % self.height

    def step(self):
        counts = {}
        for cell in self.live:
            for n in self.neighbours(*cell):
                counts[n] = counts.get(n, 0) + 1
        born = {c for c, k in counts.items() if k == 3}
        survive = {c for c in self.live if counts.get(c, 0) in (2, 3)}
        return Grid(self.width, self.height, born | survive)

    def normalized(self):
        if not self.live:
            return frozenset()
        mx = min(x for x, _ in self.live)
        my = min(y for _, y in self.live)
        return frozenset((x - mx, y - my) for x, y in self.live)

    def __eq__(self, other):
        return self.live == other.live

    def __hash__(self):
        return hash(self.live)

    def __len__(self):
        return len(self.live)

    def __str__(self):
        return '\n'.join(''.join('#' if (x, y) in self.live else '.' for x in range(self.width))
                         for y in range(self.height))


def classify(grid, limit=40):
    seen = {grid.live: 0}
    shapes = {grid.normalized(): (0, grid)}
    g = grid
    for gen in range(1, limit + 1):
        g = g.step()
        if not g.live:
            return f'dies at generation {gen}'
        if g.live in seen:
            period = gen - seen[g.live]
            return 'still life' if period == 1 else f'oscillator, period {period}'
        shape = g.normalized()
        if shape in shapes:
            first, old = shapes[shape]
            dx = min(x for x, _ in g.live) - min(x for x, _ in old.live)
            dy = min(y for _, y in g.live) - min(y for _, y in old.live)
            return f'spaceship, period {gen - first}, moves ({dx}, {dy})'
        seen[g.live] = gen
        shapes[shape] = (gen, g)
    return f'unknown after {limit} generations ({len(g)} cells)'


PATTERNS = {
    'block': '##\n##',
    'blinker': '###',
    'toad': '.###\n###.',
    'glider': '.#.\n..#\n###',
    'beacon': '##..\n##..\n..##\n..##',
    'diehard': '......#.\n##......\n.#...###',
    'single': '#',
}

for name, text in PATTERNS.items():
    g = Grid.parse(text, 12, 12)
    print(f'{name:8} {len(g):2} cells: {classify(g, 60)}')

g = Grid.parse(PATTERNS['glider'], 6, 6)
for i in range(3):
    print(f'-- generation {i}')
    print(g)
    g = g.step()


def elementary(rule, width=31, steps=12):
    table = {tuple(int(b) for b in f'{i:03b}'): (rule >> i) & 1 for i in range(8)}
    row = [0] * width
    row[width // 2] = 1
    out = []
    for _ in range(steps):
        out.append(''.join('█' if c else ' ' for c in row).rstrip())
        row = [table[(row[i - 1], row[i], row[(i + 1) % width])] for i in range(width)]
    return out


for rule in (30, 90, 110):
    print(f'rule {rule}:')
    for line in elementary(rule, steps=8):
        print('  |' + line)


def langton(steps, size=11):
    x = y = size // 2
    dx, dy = 0, -1
    black = set()
    for _ in range(steps):
        if (x, y) in black:
            dx, dy = dy, -dx
            black.remove((x, y))
        else:
            dx, dy = -dy, dx
            black.add((x, y))
        x, y = (x + dx) % size, (y + dy) % size
    return black, (x, y)


black, pos = langton(200)
print(len(black), pos)
for yy in range(11):
    print(''.join('A' if (xx, yy) == pos else ('#' if (xx, yy) in black else '.') for xx in range(11)))
