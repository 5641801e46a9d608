/* randommod.c — the `_random` module under CPython's random.py: the
 * Random base class, a Mersenne Twister (MT19937) generator producing the
 * same streams as CPython for the same seeds: seeding by an int uses the
 * 32-bit words of its absolute value (least significant first) as the
 * init_by_array key, other objects are seeded by their hash, None by
 * /dev/urandom. random() combines 27 + 26 bits into a double.
 *
 * Invariant: 0 <= index <= N; state[] holds the 624-word vector. */
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pith/pith.h"

PithObject *pith_random_module_init(void);

#define N 624
#define M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct Random {
    PithObject ob;
    int index;
    uint32_t state[N];
} Random;

static PithType random_type;

/* ---- the generator ----------------------------------------------------- */

static void init_genrand(Random *r, uint32_t s) {
    r->state[0] = s;
    for (int i = 1; i < N; i++)
        r->state[i] = 1812433253U * (r->state[i - 1] ^ (r->state[i - 1] >> 30)) + (uint32_t)i;
    r->index = N;
}

static void init_by_array(Random *r, const uint32_t *key, size_t len) {
    init_genrand(r, 19650218U);
    uint32_t *mt = r->state;
    size_t i = 1, j = 0;
    for (size_t k = N > len ? N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if (j >= len) j = 0;
    }
    for (size_t k = N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U; /* a non-zero initial vector */
}

static uint32_t genrand_uint32(Random *r) {
    uint32_t *mt = r->state, y;
    if (r->index >= N) {
        int k;
        for (k = 0; k < N - M; k++) {
            y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + M] ^ (y >> 1) ^ ((y & 1U) ? MATRIX_A : 0U);
        }
        for (; k < N - 1; k++) {
            y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + (M - N)] ^ (y >> 1) ^ ((y & 1U) ? MATRIX_A : 0U);
        }
        y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ ((y & 1U) ? MATRIX_A : 0U);
        r->index = 0;
    }
    y = mt[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

/* ---- seeding ----------------------------------------------------------- */

static int seed_urandom(Random *r) {
    uint32_t key[N];
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    size_t got = 0;
    while (fd >= 0 && got < sizeof key) {
        ssize_t n = read(fd, (char *)key + got, sizeof key - got);
        if (n <= 0) break;
        got += (size_t)n;
    }
    if (fd >= 0) close(fd);
    if (got < sizeof key) { /* no entropy source: time and pid, as CPython's fallback */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint32_t k[4] = {(uint32_t)ts.tv_sec, (uint32_t)((uint64_t)ts.tv_sec >> 32),
                         (uint32_t)ts.tv_nsec, (uint32_t)getpid()};
        init_by_array(r, k, 4);
        return 0;
    }
    init_by_array(r, key, N);
    return 0;
}

/* Seed from the magnitude of the int n. */
static int seed_int(Random *r, PithObject *n) {
    PithInt *i = (PithInt *)n;
    if (i->ndigits == 0) {
        uint64_t v = i->small < 0 ? (uint64_t)0 - (uint64_t)i->small : (uint64_t)i->small;
        uint32_t key[2] = {(uint32_t)v, (uint32_t)(v >> 32)};
        init_by_array(r, key, key[1] ? 2 : 1);
        return 0;
    }
    size_t len = (size_t)(i->ndigits < 0 ? -i->ndigits : i->ndigits);
    init_by_array(r, i->digits, len);
    return 0;
}

static int do_seed(Random *r, PithObject *arg) {
    if (!arg || arg == PITH_NONE) return seed_urandom(r);
    if (pith_int_check(arg)) return seed_int(r, arg);
    intptr_t h = pith_hash(arg);
    if (h == -1 && pith_err_occurred()) return -1;
    PithObject *n = pith_int_from_i64(h);
    if (!n) return -1;
    int rc = seed_int(r, n);
    PITH_DECREF(n);
    return rc;
}

/* ---- the type ---------------------------------------------------------- */

/* __new__ ignores its arguments (a subclass's __init__ may take others);
 * __init__ seeds. */
static PithObject *random_new(PithType *t, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    Random *r = (Random *)pith_gc_new(t);
    if (!r) return NULL;
    r->index = N;
    memset(r->state, 0, sizeof r->state);
    pith_gc_track(r);
    return (PithObject *)r;
}

static int random_init(PithObject *self, PithObject *const *args, size_t nargs,
                       PithObject *kwnames) {
    if (PITH_TYPE(self)->tp_init == random_init && pith_arg_no_kwargs("Random", kwnames) < 0)
        return -1;
    if (nargs > 1) {
        pith_err_set_string(&pith_exc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return do_seed((Random *)self, nargs ? args[0] : NULL);
}

static void random_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    pith_gc_del(o);
}

static int random_traverse(PithObject *o, pith_visitproc visit, void *arg) { return 0; }

static PithObject *r_seed(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    if (pith_arg_check_range("seed", nargs, 0, 1) < 0) return NULL;
    if (do_seed((Random *)self, nargs ? args[0] : NULL) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *r_random(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    Random *r = (Random *)self;
    uint32_t x = genrand_uint32(r) >> 5, y = genrand_uint32(r) >> 6;
    return pith_float_from_double((x * 67108864.0 + y) * (1.0 / 9007199254740992.0));
}

static PithObject *r_getrandbits(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    Random *r = (Random *)self;
    PithObject *idx = pith_number_index(args[0]);
    if (!idx) return NULL;
    intptr_t k = pith_int_as_ssize(idx);
    PITH_DECREF(idx);
    if (k == -1 && pith_err_occurred()) return NULL;
    if (k < 0) return pith_err_format(&pith_exc_ValueError, "number of bits must be non-negative");
    if (k == 0) return pith_int_from_i64(0);
    if (k <= 32) return pith_int_from_u64(genrand_uint32(r) >> (32 - k));
    size_t words = (size_t)((k - 1) / 32 + 1);
    uint32_t *w = pith_mem_malloc(words * 4);
    if (!w) return pith_err_no_memory();
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t v = genrand_uint32(r);
        if (k < 32) v >>= 32 - k; /* drop the bits the caller did not ask for */
        w[i] = v;
    }
    unsigned char *bytes = (unsigned char *)w;
    for (size_t i = 0; i < words; i++) { /* little-endian byte order for from_bytes */
        uint32_t v = w[i];
        bytes[4 * i] = (unsigned char)v;
        bytes[4 * i + 1] = (unsigned char)(v >> 8);
        bytes[4 * i + 2] = (unsigned char)(v >> 16);
        bytes[4 * i + 3] = (unsigned char)(v >> 24);
    }
    PithObject *b = pith_bytes_from(bytes, (intptr_t)(words * 4));
    pith_mem_free(w);
    PithObject *order = b ? pith_str_from_cstr("little") : NULL;
    PithObject *fa[2] = {b, order};
    PithObject *res = order ? pith_call_method((PithObject *)&pith_int_type, "from_bytes", fa, 2)
                            : NULL;
    PITH_XDECREF(b);
    PITH_XDECREF(order);
    return res;
}

static PithObject *r_getstate(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    Random *r = (Random *)self;
    PithObject *t = pith_tuple_new(N + 1);
    for (int i = 0; t && i <= N; i++) {
        PithObject *v = i < N ? pith_int_from_u64(r->state[i]) : pith_int_from_i64(r->index);
        if (!v) PITH_CLEAR(t);
        else PITH_TUPLE_SET(t, i, v);
    }
    return t;
}

/* A state word: an int in [0, 2**64) as a C unsigned long, of which the
 * generator keeps the low 32 bits. */
static int state_word(PithObject *o, uint32_t *out) {
    if (!pith_int_check(o)) {
        pith_err_set_string(&pith_exc_TypeError, "an integer is required");
        return -1;
    }
    if (pith_int_sign(o) < 0) {
        pith_err_set_string(&pith_exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    if (pith_int_bit_length(o) > 64) {
        pith_err_set_string(&pith_exc_OverflowError,
                            "Python int too large to convert to C unsigned long");
        return -1;
    }
    PithInt *i = (PithInt *)o;
    *out = i->ndigits ? i->digits[0] : (uint32_t)i->small;
    return 0;
}

static PithObject *r_setstate(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    Random *r = (Random *)self;
    PithObject *st = args[0];
    if (!pith_tuple_check(st))
        return pith_err_format(&pith_exc_TypeError, "state vector must be a tuple");
    if (PITH_SIZE(st) != N + 1)
        return pith_err_format(&pith_exc_ValueError, "state vector is the wrong size");
    uint32_t tmp[N];
    for (int i = 0; i < N; i++)
        if (state_word(PITH_TUPLE_GET(st, i), &tmp[i]) < 0) return NULL;
    PithObject *io = PITH_TUPLE_GET(st, N);
    if (!pith_int_check(io))
        return pith_err_format(&pith_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                               pith_type_name(io));
    int overflow = 0;
    int64_t index = pith_int_as_i64_overflow(io, &overflow);
    if (overflow || index < 0 || index > N)
        return pith_err_format(&pith_exc_ValueError, "invalid state");
    memcpy(r->state, tmp, sizeof tmp);
    r->index = (int)index;
    PITH_RETURN_NONE;
}

static PithMethodDef random_methods[] = {
    {"seed", r_seed, PITH_METH_FAST, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."},
    {"random", r_random, PITH_METH_NOARGS, "random() -> x in the interval [0, 1)."},
    {"getrandbits", r_getrandbits, PITH_METH_O, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"getstate", r_getstate, PITH_METH_NOARGS, "getstate() -> tuple containing the current state."},
    {"setstate", r_setstate, PITH_METH_O, "setstate(state) -> None.  Restores generator state."},
    {NULL, NULL, 0, NULL},
};

static PithType random_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(Random),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,
    .tp_doc = "Random() -> create a random number generator with its own internal state.",
    .tp_dealloc = random_dealloc,
    .tp_traverse = random_traverse,
    .tp_new = random_new,
    .tp_init = random_init,
    .tp_methods = random_methods,
};

PithObject *pith_random_module_init(void) {
    if (pith_type_ready(&random_type) < 0) return NULL;
    PithObject *m = pith_module_new("_random");
    if (!m) return NULL;
    if (pith_module_add_object(m, "Random", PITH_NEWREF(&random_type)) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
