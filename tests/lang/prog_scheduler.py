# A cooperative scheduler driven by send(): tasks are generators that yield
# system calls (sleep, spawn, wait, channel send/recv); plus the same tasks
# as `async def` coroutines awaiting small awaitable objects, driven by the
# same loop.

class SysCall:
    def handle(self, sched, task):
        raise NotImplementedError


class Sleep(SysCall):
    def __init__(self, ticks):
        self.ticks = ticks

    def handle(self, sched, task):
        sched.sleep(task, self.ticks)


class Spawn(SysCall):
    def __init__(self, gen, name):
        self.gen, self.name = gen, name

    def handle(self, sched, task):
        child = sched.spawn(self.gen, self.name)
        task.sendval = child.tid
        sched.ready.append(task)


class Wait(SysCall):
    def __init__(self, tid):
        self.tid = tid

    def handle(self, sched, task):
        target = sched.tasks.get(self.tid)
        if target is None:
            task.sendval = sched.results.get(self.tid)
            sched.ready.append(task)
        else:
            target.waiters.append(task)


class Channel:
    def __init__(self, name, capacity=1):
        self.name, self.capacity = name, capacity
        self.items, self.getters, self.putters = [], [], []


class Put(SysCall):
    def __init__(self, chan, item):
        self.chan, self.item = chan, item

    def handle(self, sched, task):
        ch = self.chan
        if ch.getters:
            getter = ch.getters.pop(0)
            getter.sendval = self.item
            sched.ready.append(getter)
            sched.ready.append(task)
        elif len(ch.items) < ch.capacity:
            ch.items.append(self.item)
            sched.ready.append(task)
        else:
            ch.putters.append((task, self.item))


class Get(SysCall):
    def __init__(self, chan):
        self.chan = chan

    def handle(self, sched, task):
        ch = self.chan
        if ch.items:
            task.sendval = ch.items.pop(0)
            if ch.putters:
                putter, item = ch.putters.pop(0)
                ch.items.append(item)
                sched.ready.append(putter)
            sched.ready.append(task)
        else:
            ch.getters.append(task)


class Task:
    def __init__(self, tid, gen, name):
        self.tid, self.gen, self.name = tid, gen, name
        self.sendval = None
        self.throwval = None
        self.waiters = []

    def step(self):
        if self.throwval is not None:
            exc, self.throwval = self.throwval, None
            return self.gen.throw(exc)
        val, self.sendval = self.sendval, None
        return self.gen.send(val)


class Scheduler:
    def __init__(self):
        self.ready, self.tasks, self.results, self.sleeping = [], {}, {}, []
        self.clock = 0
        self.next_tid = 1
        self.trace = []

    def spawn(self, gen, name):
        t = Task(self.next_tid, gen, name)
        self.next_tid += 1
        self.tasks[t.tid] = t
        self.ready.append(t)
        return t

    def sleep(self, task, ticks):
        self.sleeping.append((self.clock + ticks, task.tid, task))
        self.sleeping.sort(key=lambda e: (e[0], e[1]))

    def finish(self, task, result):
        del self.tasks[task.tid]
        self.results[task.tid] = result
        self.trace.append(f'{self.clock}: {task.name} -> {result!r}')
        for w in task.waiters:
            w.sendval = result
            self.ready.append(w)

    def run(self, max_steps=1000):
        steps = 0
        while (self.ready or self.sleeping) and steps < max_steps:
            if not self.ready:
                self.clock = self.sleeping[0][0]
                while self.sleeping and self.sleeping[0][0] <= self.clock:
                    self.ready.append(self.sleeping.pop(0)[2])
            task = self.ready.pop(0)
            steps += 1
            try:
                call = task.step()
            except StopIteration as e:
                self.finish(task, e.value)
                continue
            except Exception as e:
                self.finish(task, f'crashed: {type(e).__name__}: {e}')
                continue
            if isinstance(call, SysCall):
                call.handle(self, task)
            else:
                task.throwval = TypeError(f'bad syscall {call!r}')
                self.ready.append(task)
        return steps


def producer(chan, n, delay):
    for i in range(n):
        yield Sleep(delay)
        yield Put(chan, f'item{i}')
    yield Put(chan, None)
    return f'produced {n}'


def consumer(chan, log):
    got = 0
    while True:
        item = yield Get(chan)
        if item is None:
            return f'consumed {got}'
        log.append(item)
        got += 1


def worker(n):
    total = 0
    for i in range(n):
        total += i
        yield Sleep(1)
    if n == 3:
        raise ValueError('three is unlucky')
    return total


def supervisor():
    tids = []
    for n in (2, 3, 4):
        tid = yield Spawn(worker(n), f'worker{n}')
        tids.append(tid)
    results = []
    for tid in tids:
        results.append((yield Wait(tid)))
    try:
        yield 'not a syscall'
    except TypeError as e:
        results.append(str(e))
    return results


sched = Scheduler()
log = []
ch = Channel('pipe', capacity=2)
sched.spawn(producer(ch, 5, 2), 'producer')
sched.spawn(consumer(ch, log), 'consumer')
sched.spawn(supervisor(), 'supervisor')
steps = sched.run()
print('steps', steps, 'clock', sched.clock)
print('\n'.join(sched.trace))
print(log)


# the same ideas with async def: awaitables yield syscalls through the
# coroutine to the scheduler
class _Await:
    def __init__(self, call):
        self.call = call

    def __await__(self):
        result = yield self.call
        return result


def sleep(ticks):
    return _Await(Sleep(ticks))


def get(chan):
    return _Await(Get(chan))


def put(chan, item):
    return _Await(Put(chan, item))


async def ping(chan_in, chan_out, rounds, name):
    for i in range(rounds):
        msg = await get(chan_in)
        await sleep(1)
        await put(chan_out, f'{msg}>{name}{i}')
    return name


async def starter(chan, first):
    await put(chan, first)
    return 'started'


async def fail_later():
    await sleep(3)
    return 1 // 0


sched = Scheduler()
a, b = Channel('a'), Channel('b')
sched.spawn(ping(a, b, 3, 'P'), 'ping')
sched.spawn(ping(b, a, 3, 'Q'), 'pong')
sched.spawn(starter(a, 'ball'), 'starter')
sched.spawn(fail_later(), 'doomed')
sched.run()
print('\n'.join(sched.trace))
print(a.items, b.items)

coro = ping(a, b, 1, 'X')
print(type(coro).__name__, coro.cr_running, coro.cr_await)
first = coro.send(None)
print(type(first).__name__, type(coro.cr_await).__name__)
coro.close()
print(coro.cr_frame)
