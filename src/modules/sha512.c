/* sha512.c — the `_sha512` module (SHA-512 and SHA-384, FIPS 180-4),
 * which random.py uses to turn str/bytes seeds into ints and hashlib
 * offers as sha512()/sha384(). The round constants are the first 64 bits
 * of the fractional parts of the cube roots of the first 80 primes; the
 * initial values those of the square roots of the first 8 (SHA-512) and
 * the 9th to 16th (SHA-384) primes.
 *
 * Invariant: buf holds `nbuf` < 128 pending bytes; `total` counts all
 * bytes hashed so far. */
#include <string.h>

#include "pith/pith.h"
#include "pith/memoryview.h"

PithObject *pith_sha512_module_init(void);

static const uint64_t K[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL,
    0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL,
    0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL,
    0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
    0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL,
    0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL, 0x2de92c6f592b0275ULL,
    0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL,
    0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
    0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL,
    0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL,
    0x92722c851482353bULL, 0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL,
    0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
    0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL,
    0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL,
    0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL,
    0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL,
    0xc67178f2e372532bULL, 0xca273eceea26619cULL, 0xd186b8c721c0c207ULL,
    0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL,
    0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
    0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL,
    0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static const uint64_t H512[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

static const uint64_t H384[8] = {
    0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL,
    0x152fecd8f70e5939ULL, 0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
    0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL,
};

typedef struct Sha {
    PithObject ob;
    uint64_t h[8];
    uint64_t total;
    unsigned char buf[128];
    int nbuf;
    int digest_size; /* 64 or 48 */
} Sha;

static PithType sha512_type, sha384_type;

#define ROR(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static void compress(Sha *s, const unsigned char *p) {
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        uint64_t v = 0;
        for (int b = 0; b < 8; b++) v = (v << 8) | p[8 * i + b];
        w[i] = v;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ROR(w[i - 15], 1) ^ ROR(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ROR(w[i - 2], 19) ^ ROR(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3];
    uint64_t e = s->h[4], f = s->h[5], g = s->h[6], h = s->h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t t1 = h + (ROR(e, 14) ^ ROR(e, 18) ^ ROR(e, 41)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint64_t t2 = (ROR(a, 28) ^ ROR(a, 34) ^ ROR(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    s->h[0] += a;
    s->h[1] += b;
    s->h[2] += c;
    s->h[3] += d;
    s->h[4] += e;
    s->h[5] += f;
    s->h[6] += g;
    s->h[7] += h;
}

static void sha_update(Sha *s, const unsigned char *p, size_t n) {
    s->total += n;
    while (n > 0) {
        size_t take = 128 - (size_t)s->nbuf;
        if (take > n) take = n;
        memcpy(s->buf + s->nbuf, p, take);
        s->nbuf += (int)take;
        p += take;
        n -= take;
        if (s->nbuf == 128) {
            compress(s, s->buf);
            s->nbuf = 0;
        }
    }
}

/* The digest of the data so far (s itself is left unchanged). */
static void sha_final(const Sha *s, unsigned char out[64]) {
    Sha t = *s;
    uint64_t bits = t.total * 8;
    unsigned char pad[128 + 16] = {0x80};
    size_t padlen = (t.nbuf < 112 ? 112 : 240) - (size_t)t.nbuf;
    sha_update(&t, pad, padlen);
    unsigned char len[16] = {0};
    for (int i = 0; i < 8; i++) len[15 - i] = (unsigned char)(bits >> (8 * i));
    len[7] = (unsigned char)(s->total >> 61); /* the high bits of the bit count */
    sha_update(&t, len, 16);
    for (int i = 0; i < 8; i++)
        for (int b = 0; b < 8; b++) out[8 * i + b] = (unsigned char)(t.h[i] >> (56 - 8 * b));
}

static int update_from(Sha *s, PithObject *data) {
    if (pith_str_check(data)) {
        pith_err_set_string(&pith_exc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    PithBuffer view;
    if (pith_buffer_get(data, &view, false) < 0) {
        if (pith_err_matches(&pith_exc_TypeError)) {
            pith_err_clear();
            pith_err_format(&pith_exc_TypeError, "object supporting the buffer API required");
        }
        return -1;
    }
    sha_update(s, (const unsigned char *)view.buf, (size_t)view.len);
    pith_buffer_release(&view);
    return 0;
}

static Sha *sha_alloc(PithType *t) {
    Sha *s = (Sha *)pith_obj_new(t);
    if (!s) return NULL;
    bool is384 = t == &sha384_type;
    memcpy(s->h, is384 ? H384 : H512, sizeof s->h);
    s->total = 0;
    s->nbuf = 0;
    s->digest_size = is384 ? 48 : 64;
    return s;
}

static void sha_dealloc(PithObject *o) { pith_obj_free(o); }

static PithObject *sha_update_m(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    if (update_from((Sha *)self, args[0]) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *sha_digest(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    unsigned char out[64];
    sha_final((Sha *)self, out);
    return pith_bytes_from(out, ((Sha *)self)->digest_size);
}

static PithObject *sha_hexdigest(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    unsigned char out[64];
    char hex[129];
    static const char digits[] = "0123456789abcdef";
    int len = ((Sha *)self)->digest_size;
    sha_final((Sha *)self, out);
    for (int i = 0; i < len; i++) {
        hex[2 * i] = digits[out[i] >> 4];
        hex[2 * i + 1] = digits[out[i] & 15];
    }
    hex[2 * len] = 0;
    return pith_str_from_cstr(hex);
}

static PithObject *sha_copy(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    Sha *c = sha_alloc(PITH_TYPE(self));
    if (!c) return NULL;
    Sha *s = (Sha *)self;
    memcpy(c->h, s->h, sizeof c->h);
    memcpy(c->buf, s->buf, sizeof c->buf);
    c->total = s->total;
    c->nbuf = s->nbuf;
    return (PithObject *)c;
}

static PithObject *sha_name(PithObject *o, void *c) {
    return pith_str_from_cstr(((Sha *)o)->digest_size == 48 ? "sha384" : "sha512");
}

static PithObject *sha_digest_size(PithObject *o, void *c) {
    return pith_int_from_i64(((Sha *)o)->digest_size);
}

static PithObject *sha_block_size(PithObject *o, void *c) { return pith_int_from_i64(128); }

static PithMethodDef sha_methods[] = {
    {"update", sha_update_m, PITH_METH_O, "Update this hash object's state with the provided string."},
    {"digest", sha_digest, PITH_METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", sha_hexdigest, PITH_METH_NOARGS, "Return the digest value as a string of hexadecimal digits."},
    {"copy", sha_copy, PITH_METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef sha_getset[] = {
    {"name", sha_name, NULL, NULL, NULL},
    {"digest_size", sha_digest_size, NULL, NULL, NULL},
    {"block_size", sha_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithType sha512_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_sha512.sha512",
    .tp_basicsize = sizeof(Sha),
    .tp_dealloc = sha_dealloc,
    .tp_methods = sha_methods,
    .tp_getset = sha_getset,
};

static PithType sha384_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_sha512.sha384",
    .tp_basicsize = sizeof(Sha),
    .tp_dealloc = sha_dealloc,
    .tp_methods = sha_methods,
    .tp_getset = sha_getset,
};

/* sha512(string=None, *, usedforsecurity=True) and sha384(...). */
static PithObject *make(PithType *t, const char *fname, PithObject *const *args, size_t nargs,
                        PithObject *kwnames) {
    static const char *const kwlist[] = {"string", "usedforsecurity"};
    PithArgSpec spec = {fname, kwlist, 2, 0, 0, 1};
    PithObject *a[2];
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    Sha *s = sha_alloc(t);
    if (!s) return NULL;
    if (a[0] && a[0] != PITH_NONE && update_from(s, a[0]) < 0) {
        PITH_DECREF(s);
        return NULL;
    }
    return (PithObject *)s;
}

static PithObject *m_sha512(PithObject *m, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    return make(&sha512_type, "sha512", args, nargs, kwnames);
}

static PithObject *m_sha384(PithObject *m, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    return make(&sha384_type, "sha384", args, nargs, kwnames);
}

static PithMethodDef sha_functions[] = {
    {"sha512", m_sha512, PITH_METH_KW, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {"sha384", m_sha384, PITH_METH_KW, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_sha512_module_init(void) {
    if (pith_type_ready(&sha512_type) < 0 || pith_type_ready(&sha384_type) < 0) return NULL;
    PithObject *m = pith_module_new("_sha512");
    if (!m) return NULL;
    if (pith_module_add_functions(m, sha_functions) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
