# Shortest paths: a binary-heap priority queue written by hand (with
# decrease-key via lazy deletion), Dijkstra, path reconstruction, A* on a
# grid maze, and Prim's minimum spanning tree.

class PQ:
    """Min-heap of (priority, seq, item); stale entries are skipped."""

    REMOVED = object()

    def __init__(self):
        self.heap = []
        self.entries = {}
        self.seq = 0

    def __len__(self):
        return len(self.entries)

    def __bool__(self):
        return bool(self.entries)

    def push(self, item, priority):
        if item in self.entries:
            self.entries[item][2] = PQ.REMOVED
        entry = [priority, self.seq, item]
        self.seq += 1
        self.entries[item] = entry
        self._append(entry)

    def pop(self):
        while self.heap:
            priority, _, item = self._popmin()
            if item is not PQ.REMOVED:
                del self.entries[item]
                return item, priority
        raise KeyError('pop from an empty priority queue')

    def _append(self, entry):
        h = self.heap
        h.append(entry)
        i = len(h) - 1
        while i > 0:
            parent = (i - 1) // 2
            if h[parent][:2] <= h[i][:2]:
                break
            h[parent], h[i] = h[i], h[parent]
            i = parent

    def _popmin(self):
        h = self.heap
        last = h.pop()
        if not h:
            return last
        top, h[0] = h[0], last
        i, n = 0, len(h)
        while True:
            small = i
            for c in (2 * i + 1, 2 * i + 2):
                if c < n and h[c][:2] < h[small][:2]:
                    small = c
            if small == i:
                return top
            h[i], h[small] = h[small], h[i]
            i = small


def dijkstra(graph, source):
    dist = {source: 0}
    prev = {}
    pq = PQ()
    pq.push(source, 0)
    done = set()
    while pq:
        u, d = pq.pop()
        done.add(u)
        for v, w in graph.get(u, ()):
            if v in done:
                continue
            nd = d + w
            if nd < dist.get(v, float('inf')):
                dist[v] = nd
                prev[v] = u
                pq.push(v, nd)
    return dist, prev


def path_to(prev, target):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    return path[::-1]


EDGES = '''
A B 7; A C 9; A F 14; B C 10; B D 15; C D 11; C F 2; D E 6; E F 9; G H 1
'''
graph = {}
for spec in EDGES.strip().split(';'):
    a, b, w = spec.split()
    graph.setdefault(a, []).append((b, int(w)))
    graph.setdefault(b, []).append((a, int(w)))

dist, prev = dijkstra(graph, 'A')
for node in sorted(graph):
    if node in dist:
        print(f'{node}: {dist[node]:3}  via {" -> ".join(path_to(prev, node))}')
    else:
        print(f'{node}: unreachable')

pq = PQ()
for word in 'pear fig apple kiwi date banana'.split():
    pq.push(word, len(word))
pq.push('fig', 10)
print([pq.pop() for _ in range(len(pq))])
try:
    pq.pop()
except KeyError as e:
    print('KeyError:', e)

MAZE = '''
S.#.......
.##.####..
....#..#.#
.####.##..
......#..E
'''.strip().splitlines()


def astar(maze):
    start = next((r, c) for r, row in enumerate(maze) for c, ch in enumerate(row) if ch == 'S')
    goal = next((r, c) for r, row in enumerate(maze) for c, ch in enumerate(row) if ch == 'E')
    h = lambda p: abs(p[0] - goal[0]) + abs(p[1] - goal[1])
    pq = PQ()
    pq.push(start, h(start))
    g = {start: 0}
    came = {}
    expanded = 0
    while pq:
        cur, _ = pq.pop()
        expanded += 1
        if cur == goal:
            return path_to(came, cur), expanded
        r, c = cur
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < len(maze) and 0 <= nc < len(maze[0]) and maze[nr][nc] != '#':
                ng = g[cur] + 1
                if ng < g.get((nr, nc), 1 << 30):
                    g[(nr, nc)] = ng
                    came[(nr, nc)] = cur
                    pq.push((nr, nc), ng + h((nr, nc)))
    return None, expanded


path, expanded = astar(MAZE)
print(f'path length {len(path) - 1}, expanded {expanded}')
grid = [list(row) for row in MAZE]
for r, c in path[1:-1]:
    grid[r][c] = '*'
print('\n'.join(''.join(row) for row in grid))


def prim(graph, start):
    seen = {start}
    pq = PQ()
    for v, w in graph[start]:
        pq.push((start, v), w)
    tree = []
    while pq and len(seen) < len(graph):
        (u, v), w = pq.pop()
        if v in seen:
            continue
        seen.add(v)
        tree.append((u, v, w))
        for x, wx in graph[v]:
            if x not in seen:
                pq.push((v, x), wx)
    return tree


mst = prim({k: v for k, v in graph.items() if k not in 'GH'}, 'A')
print(mst, sum(w for *_, w in mst))
