/* gc.c — GC pre-headers, tracking, and the generational cycle collector.
 *
 * Reference counting frees most objects; this collector frees what it
 * cannot: groups of container objects that only reference each other.
 *
 * Invariants:
 *  - Every GC object is allocated as [PithGCHead][object] in one L2 block.
 *  - A tracked object is linked into exactly one list: a generation
 *    (gens[0..2]), the permanent generation (gc.freeze), or — only while a
 *    collection runs — one of the collector's working lists.
 *    Untracked <=> head->next == NULL.
 *  - gc_refs is scratch space, meaningful only during a collection, and only
 *    for objects flagged GC_COLLECTING (those being examined).
 *  - GC_FINALIZED is set once tp_finalize ran for the object; it is never
 *    run again (PEP 442).
 *
 * A collection of generation g (CPython's algorithm):
 *  1. merge the younger generations into g ("young");
 *  2. gc_refs = refcnt for each young object, then subtract one for every
 *     reference found by traversing the young objects: what remains counts
 *     references from outside the young set;
 *  3. objects with external references are reachable, and so is everything
 *     they reach; the rest is unreachable garbage;
 *  4. finalizers of the garbage run once; objects they resurrected (and what
 *     those reach) are spared;
 *  5. tp_clear breaks the remaining cycles, and refcounting frees them;
 *  6. survivors move to generation g+1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mem_internal.h"
#include "pith/pith.h"
#include "pith/weakref.h"

#define NGENERATIONS 3

/* GC_HIDDEN marks an instance's attribute dict that Python code has not
 * seen (CPython 3.11 keeps such attributes inline, without a dict object):
 * it is not counted in collection results nor saved in gc.garbage. */
enum { GC_COLLECTING = 1, GC_UNREACHABLE = 2, GC_FINALIZED = 4, GC_HIDDEN = 8 };

typedef struct Generation {
    PithGCHead head; /* sentinel of a circular list */
    int threshold;
    int count; /* gen 0: allocations minus frees; others: collections of the younger */
    intptr_t collections, collected, uncollectable;
} Generation;

static Generation gens[NGENERATIONS] = {{.threshold = 700}, {.threshold = 10}, {.threshold = 10}};
static PithGCHead permanent;
static int initialised, enabled = 1, collecting, stress, debug_flags;
static intptr_t stress_collections; /* young collections forced by stress mode */
static intptr_t long_lived_total, long_lived_pending;
static PithObject *garbage_list, *callbacks_list;

/* ---- lists -------------------------------------------------------------- */

static void list_init(PithGCHead *l) { l->next = l->prev = l; }
static bool list_empty(const PithGCHead *l) { return l->next == l; }

static void list_append(PithGCHead *h, PithGCHead *l) {
    h->prev = l->prev;
    h->next = l;
    l->prev->next = h;
    l->prev = h;
}

static void list_remove(PithGCHead *h) {
    h->prev->next = h->next;
    h->next->prev = h->prev;
    h->next = h->prev = NULL;
}

static void list_move(PithGCHead *h, PithGCHead *to) {
    list_remove(h);
    list_append(h, to);
}

/* Append all of from to the end of to; from becomes empty. */
static void list_merge(PithGCHead *from, PithGCHead *to) {
    if (list_empty(from)) return;
    PithGCHead *first = from->next, *last = from->prev;
    first->prev = to->prev;
    to->prev->next = first;
    last->next = to;
    to->prev = last;
    list_init(from);
}

static intptr_t list_size(const PithGCHead *l) {
    intptr_t n = 0;
    for (PithGCHead *h = l->next; h != l; h = h->next) n++;
    return n;
}

static void init_lists(void) {
    for (int i = 0; i < NGENERATIONS; i++) list_init(&gens[i].head);
    list_init(&permanent);
    const char *s = getenv("PITHGCSTRESS");
    if (s && *s && strcmp(s, "0") != 0) stress = 1;
    initialised = 1;
}

/* ---- allocation and tracking --------------------------------------------- */

static void maybe_collect(void);

static PithObject *gc_alloc(PithType *t, size_t size) {
    if (!initialised) init_lists();
    gens[0].count++;
    maybe_collect();
    PithGCHead *h = pith_obj_calloc(1, sizeof(PithGCHead) + size);
    return h ? pith_init_object_header(PITH_GC_OBJ(h), t) : NULL;
}

PithObject *pith_gc_new(PithType *t) { return gc_alloc(t, (size_t)t->tp_basicsize); }

PithObject *pith_gc_new_var(PithType *t, intptr_t n) {
    size_t size = pith_var_size(t, n);
    if (!size) return NULL;
    PithObject *o = gc_alloc(t, size);
    if (o) ((PithVarObject *)o)->size = n;
    return o;
}

PithObject *pith_gc_resize(PithObject *o, intptr_t n) {
    size_t size = pith_var_size(PITH_TYPE(o), n);
    if (!size) return NULL;
    int tracked = pith_gc_is_tracked(o);
    if (tracked) pith_gc_untrack(o);
    PithGCHead *h = pith_obj_realloc(PITH_GC_HEAD(o), sizeof(PithGCHead) + size);
    if (!h) {
        if (tracked) pith_gc_track(o);
        return NULL;
    }
    o = PITH_GC_OBJ(h);
    ((PithVarObject *)o)->size = n;
    /* A tuple being grown may have been untracked while it held only atoms. */
    if (tracked || pith_tuple_check_exact(o)) pith_gc_track(o);
    return o;
}

void pith_gc_track(void *o) {
    PithGCHead *h = PITH_GC_HEAD(o);
    if (h->next) return;
    if (!initialised) init_lists();
    h->gc_flags &= ~(uintptr_t)(GC_COLLECTING | GC_UNREACHABLE);
    list_append(h, &gens[0].head);
}

/* Untracking also ends the object's part in a running collection. */
void pith_gc_untrack(void *o) {
    PithGCHead *h = PITH_GC_HEAD(o);
    if (h->next) list_remove(h);
    h->gc_flags &= ~(uintptr_t)(GC_COLLECTING | GC_UNREACHABLE);
}

bool pith_gc_is_tracked(void *o) { return PITH_GC_HEAD(o)->next != NULL; }

void pith_gc_del(void *o) {
    pith_gc_untrack(o);
    if (gens[0].count > 0) gens[0].count--;
    pith_obj_mfree(PITH_GC_HEAD(o));
}

/* Run o's finalizer unless it already ran (PEP 442). Returns 1 if it ran. */
int pith_gc_finalize_once(PithObject *o) {
    PithType *t = PITH_TYPE(o);
    if (!t->tp_finalize) return 0;
    if (PITH_IS_GC(o) && !pith_is_immortal(o)) {
        PithGCHead *h = PITH_GC_HEAD(o);
        if (h->gc_flags & GC_FINALIZED) return 0;
        h->gc_flags |= GC_FINALIZED;
    }
    t->tp_finalize(o);
    return 1;
}

/* ---- debug checks (make debug: -DPITH_DEBUG_REFS) --------------------------- */

#ifdef PITH_DEBUG_REFS
void pith_debug_bad_refcnt(PithObject *o) {
    fprintf(stderr, "pith: fatal: reference count of %p went negative (%zd before decref)\n",
            (void *)o, (intptr_t)o->refcnt);
    abort();
}

/* Whatever tp_traverse hands the collector must be a live object whose type
 * is a type. */
static void check_visited(PithObject *o, const char *who) {
    PithType *t = o ? PITH_TYPE(o) : NULL;
    if (o && t && o->refcnt > 0 && PITH_TYPE(t) &&
        pith_type_has_flag(PITH_TYPE(t), PITH_TPFLAGS_TYPE_SUBCLASS))
        return;
    fprintf(stderr, "pith: fatal: %s visited an invalid object %p (refcnt %zd, type %p)\n", who,
            (void *)o, o ? (intptr_t)o->refcnt : (intptr_t)0, (void *)t);
    abort();
}
#define CHECK_VISITED(o, who) check_visited(o, who)
#else
#define CHECK_VISITED(o, who) ((void)0)
#endif

/* ---- the collection -------------------------------------------------------- */

/* The head of o if o takes part in the current collection, else NULL. */
static inline PithGCHead *collecting_head(PithObject *o) {
    if (!PITH_IS_GC(o) || pith_is_immortal(o)) return NULL;
    PithGCHead *h = PITH_GC_HEAD(o);
    return (h->gc_flags & GC_COLLECTING) && h->next ? h : NULL;
}

static int visit_decref(PithObject *o, void *arg) {
    (void)arg;
    CHECK_VISITED(o, "tp_traverse");
    PithGCHead *h = collecting_head(o);
    if (h) h->gc_refs--;
    return 0;
}

static void traverse(PithGCHead *h, pith_visitproc visit, void *arg) {
    PithObject *o = PITH_GC_OBJ(h);
    pith_traverseproc tr = PITH_TYPE(o)->tp_traverse;
    if (tr) tr(o, visit, arg);
}

/* gc_refs := references from outside the list. */
static void subtract_internal_refs(PithGCHead *list) {
    for (PithGCHead *h = list->next; h != list; h = h->next) {
        CHECK_VISITED(PITH_GC_OBJ(h), "a generation list");
        h->gc_flags |= GC_COLLECTING;
        h->gc_refs = PITH_GC_OBJ(h)->refcnt;
    }
    for (PithGCHead *h = list->next; h != list; h = h->next)
        traverse(h, visit_decref, NULL);
}

/* Referent of a reachable object: reachable too. If it was already moved to
 * the unreachable list, bring it back to the end of the list being scanned
 * (it will be scanned in turn). */
static int visit_reachable(PithObject *o, void *list) {
    PithGCHead *h = collecting_head(o);
    if (!h) return 0;
    if (h->gc_flags & GC_UNREACHABLE) {
        h->gc_flags &= ~(uintptr_t)GC_UNREACHABLE;
        h->gc_refs = 1;
        list_move(h, list);
    } else if (h->gc_refs == 0) {
        h->gc_refs = 1;
    }
    return 0;
}

/* Split list: objects not reachable from outside move to unreachable. */
static void move_unreachable(PithGCHead *list, PithGCHead *unreachable) {
    PithGCHead *h = list->next;
    while (h != list) {
        PithGCHead *next = h->next;
        if (h->gc_refs > 0) {
            traverse(h, visit_reachable, list);
            next = h->next; /* traversal may have appended objects after h */
        } else {
            h->gc_flags |= GC_UNREACHABLE;
            list_move(h, unreachable);
        }
        h = next;
    }
}

static void clear_flags(PithGCHead *list) {
    for (PithGCHead *h = list->next; h != list; h = h->next)
        h->gc_flags &= ~(uintptr_t)(GC_COLLECTING | GC_UNREACHABLE);
}

/* CPython's _PyObject_GC_MAY_BE_TRACKED, see gc.h. */
bool pith_gc_may_be_tracked(PithObject *o) {
    if (!PITH_IS_GC(o) || pith_is_immortal(o)) return false;
    return !pith_tuple_check_exact(o) || pith_gc_is_tracked(o);
}

/* Tuples whose items can never take part in a cycle stop being tracked
 * (CPython does this for the survivors of every collection). */
static void untrack_tuples(PithGCHead *list) {
    PithGCHead *next;
    for (PithGCHead *h = list->next; h != list; h = next) {
        next = h->next;
        PithObject *t = PITH_GC_OBJ(h);
        if (!pith_tuple_check_exact(t)) continue;
        intptr_t i, n = PITH_SIZE(t);
        for (i = 0; i < n; i++) {
            PithObject *x = PITH_TUPLE_GET(t, i);
            if (!x || pith_gc_may_be_tracked(x)) break;
        }
        if (i == n) list_remove(h);
    }
}

/* The same for exact dicts of atoms, only in full collections (as CPython,
 * to avoid quadratic behaviour while big dicts are being built). */
static void untrack_dicts(PithGCHead *list) {
    PithGCHead *next;
    for (PithGCHead *h = list->next; h != list; h = next) {
        next = h->next;
        PithObject *d = PITH_GC_OBJ(h);
        if (!pith_dict_check_exact(d)) continue;
        intptr_t pos = 0;
        PithObject *k, *v;
        bool atoms = true;
        while (atoms && pith_dict_next(d, &pos, &k, &v))
            atoms = !pith_gc_may_be_tracked(k) && !pith_gc_may_be_tracked(v);
        if (atoms) list_remove(h);
    }
}

/* Objects of the list that count in results (hidden dicts do not). */
static intptr_t count_visible(const PithGCHead *l) {
    intptr_t n = 0;
    for (PithGCHead *h = l->next; h != l; h = h->next)
        if (!(h->gc_flags & GC_HIDDEN)) n++;
    return n;
}

void pith_gc_set_hidden(PithObject *o, bool hidden) {
    PithGCHead *h = PITH_GC_HEAD(o);
    if (hidden)
        h->gc_flags |= GC_HIDDEN;
    else
        h->gc_flags &= ~(uintptr_t)GC_HIDDEN;
}

bool pith_gc_is_hidden(PithObject *o) {
    return PITH_IS_GC(o) && !pith_is_immortal(o) && (PITH_GC_HEAD(o)->gc_flags & GC_HIDDEN);
}

static bool is_garbage(PithObject *o) {
    PithGCHead *h = collecting_head(o);
    return h && (h->gc_flags & GC_UNREACHABLE);
}

/* Weak references to garbage are cleared before any finalizer can see
 * them; callbacks run only for references that are not garbage too. */
static void clear_weakrefs(PithGCHead *unreachable) {
    if (!pith_weakref_targets) return;
    for (PithGCHead *h = unreachable->next; h != unreachable; h = h->next)
        pith_weakref_clear_ex(PITH_GC_OBJ(h), is_garbage);
}

/* Run each pending finalizer once; returns how many ran. Objects freed by
 * a finalizer's side effects untrack themselves from `seen`. */
static int finalize_garbage(PithGCHead *unreachable) {
    PithGCHead seen;
    list_init(&seen);
    int ran = 0;
    while (!list_empty(unreachable)) {
        PithGCHead *h = unreachable->next;
        list_move(h, &seen);
        PithObject *o = PITH_GC_OBJ(h);
        if (!PITH_TYPE(o)->tp_finalize || (h->gc_flags & GC_FINALIZED)) continue;
        PITH_INCREF(o);
        PithObject *saved = pith_err_fetch();
        ran += pith_gc_finalize_once(o);
        if (pith_err_occurred()) pith_err_write_unraisable(o);
        pith_err_restore(saved);
        PITH_DECREF(o);
    }
    list_merge(&seen, unreachable);
    return ran;
}

/* Finalizers may have made garbage reachable again: redo the analysis on
 * the garbage alone and move what is referenced from outside it to old. */
static void spare_resurrected(PithGCHead *unreachable, PithGCHead *old) {
    PithGCHead still;
    list_init(&still);
    clear_flags(unreachable);
    subtract_internal_refs(unreachable);
    move_unreachable(unreachable, &still);
    clear_flags(unreachable);
    list_merge(unreachable, old);
    list_merge(&still, unreachable);
}

static void debug_collectable(PithGCHead *unreachable) {
    if (!(debug_flags & 2)) return; /* DEBUG_COLLECTABLE */
    for (PithGCHead *h = unreachable->next; h != unreachable; h = h->next) {
        PithObject *o = PITH_GC_OBJ(h);
        if (!(h->gc_flags & GC_HIDDEN))
            fprintf(stderr, "gc: collectable <%s %p>\n", PITH_TYPE(o)->tp_name, (void *)o);
    }
}

/* Break the cycles. Each object moves to old first, so the list stays valid
 * whatever tp_clear frees; survivors of a clear simply stay in old. With
 * DEBUG_SAVEALL the garbage goes to gc.garbage instead. */
static void clear_garbage(PithGCHead *unreachable, PithGCHead *old) {
    while (!list_empty(unreachable)) {
        PithGCHead *h = unreachable->next;
        h->gc_flags &= ~(uintptr_t)(GC_COLLECTING | GC_UNREACHABLE);
        list_move(h, old);
        PithObject *o = PITH_GC_OBJ(h);
        PITH_INCREF(o);
        if (debug_flags & 32) { /* DEBUG_SAVEALL */
            if (h->gc_flags & GC_HIDDEN) {
                /* kept alive by its instance, which is saved */
            } else if (garbage_list || (garbage_list = pith_list_new(0)))
                if (pith_list_append(garbage_list, o) < 0) pith_err_clear();
        } else if (PITH_TYPE(o)->tp_clear) {
            PithObject *saved = pith_err_fetch();
            PITH_TYPE(o)->tp_clear(o);
            if (pith_err_occurred()) pith_err_write_unraisable(o);
            pith_err_restore(saved);
        }
        PITH_DECREF(o);
    }
}

static intptr_t collect_generation(int gen) {
    for (int i = 0; i < gen; i++) list_merge(&gens[i].head, &gens[gen].head);
    PithGCHead *young = &gens[gen].head;
    PithGCHead *old = gen + 1 < NGENERATIONS ? &gens[gen + 1].head : young;
    PithGCHead unreachable;
    list_init(&unreachable);

    subtract_internal_refs(young);
    move_unreachable(young, &unreachable);
    clear_flags(young);
    untrack_tuples(young);
    if (gen == 1) long_lived_pending += list_size(young);
    if (gen == NGENERATIONS - 1) {
        untrack_dicts(young);
        long_lived_pending = 0;
        long_lived_total = list_size(young);
    }
    if (young != old) list_merge(young, old);

    clear_weakrefs(&unreachable);
    if (finalize_garbage(&unreachable)) spare_resurrected(&unreachable, old);
    intptr_t n = count_visible(&unreachable);
    debug_collectable(&unreachable);
    clear_garbage(&unreachable, old);

    for (int i = 0; i <= gen; i++) gens[i].count = 0;
    if (gen + 1 < NGENERATIONS) gens[gen + 1].count++;
    gens[gen].collections++;
    gens[gen].collected += n;
    return n;
}

/* A full collection also empties the L3 free lists, as CPython's does (it
 * shows in gc.get_count: objects then come from the allocator again). */
static void clear_freelists(void) {
    pith_float_freelist_clear();
    pith_list_freelist_clear();
    pith_dict_freelist_clear();
    pith_tuple_freelist_clear();
}

/* gc.callbacks: call each with (phase, info). Errors are unraisable. */
static void run_callbacks(const char *phase, int gen, intptr_t collected) {
    if (!callbacks_list || PITH_SIZE(callbacks_list) == 0) return;
    PithObject *saved = pith_err_fetch();
    PithObject *info = pith_dict_new(), *ph = pith_str_from_cstr(phase);
    PithObject *g = pith_int_from_i64(gen), *c = pith_int_from_i64(collected);
    if (info && ph && g && c && pith_dict_set_item_str(info, "generation", g) == 0 &&
        pith_dict_set_item_str(info, "collected", c) == 0 &&
        pith_dict_set_item_str(info, "uncollectable", pith_int_from_i64(0)) == 0) {
        PithObject *cbs = pith_sequence_tuple(callbacks_list);
        for (intptr_t i = 0; cbs && i < PITH_SIZE(cbs); i++) {
            PithObject *args[2] = {ph, info};
            PithObject *r = pith_call(PITH_TUPLE_GET(cbs, i), args, 2, NULL);
            if (!r) pith_err_write_unraisable(PITH_TUPLE_GET(cbs, i));
            PITH_XDECREF(r);
        }
        PITH_XDECREF(cbs);
    }
    if (pith_err_occurred()) pith_err_clear();
    PITH_XDECREF(info);
    PITH_XDECREF(ph);
    PITH_XDECREF(g);
    PITH_XDECREF(c);
    pith_err_restore(saved);
}

intptr_t pith_gc_collect(int gen) {
    if (!initialised) init_lists();
    if (collecting) return 0;
    collecting = 1;
    run_callbacks("start", gen, 0);
    clock_t t0 = debug_flags & 1 ? clock() : 0; /* clock() is a system call */
    if (debug_flags & 1) { /* DEBUG_STATS */
        fprintf(stderr, "gc: collecting generation %d...\n", gen);
        fprintf(stderr, "gc: objects in each generation: %zd %zd %zd\n", list_size(&gens[0].head),
                list_size(&gens[1].head), list_size(&gens[2].head));
        fprintf(stderr, "gc: objects in permanent generation: %zd\n", list_size(&permanent));
    }
    intptr_t n = collect_generation(gen);
    if (gen == NGENERATIONS - 1) clear_freelists();
    if (debug_flags & 1)
        fprintf(stderr, "gc: done, %zd unreachable, 0 uncollectable, %.4fs elapsed\n", n,
                (double)(clock() - t0) / CLOCKS_PER_SEC);
    run_callbacks("stop", gen, n);
    collecting = 0;
    return n;
}

/* Automatic collection, checked on each GC allocation: the oldest
 * generation whose count exceeds its threshold is collected; a full
 * collection also waits until 25% of long-lived objects are new. In stress
 * mode every allocation collects, at least generation 0 (the older ones
 * still when their counts say so, or their garbage would pile up). */
static void maybe_collect(void) {
    if (collecting || !enabled || gens[0].threshold == 0) return;
    if (stress) stress_collections++;
    else if (gens[0].count <= gens[0].threshold) return;
    for (int i = NGENERATIONS - 1; i >= 0; i--) {
        if (gens[i].count <= gens[i].threshold && i > 0) continue;
        if (i == NGENERATIONS - 1 && long_lived_pending < long_lived_total / 4) continue;
        pith_gc_collect(i);
        return;
    }
}

/* ---- the interface used by the gc module ---------------------------------- */

bool pith_gc_is_enabled(void) { return enabled; }
void pith_gc_set_stress(bool on) {
    if (!initialised) init_lists();
    stress = on;
}
bool pith_gc_get_stress(void) { return stress; }
void pith_gc_enable(bool on) { enabled = on; }
int pith_gc_get_debug(void) { return debug_flags; }
void pith_gc_set_debug(int flags) { debug_flags = flags; }
void pith_gc_get_count(int out[3]) {
    for (int i = 0; i < NGENERATIONS; i++) out[i] = gens[i].count;
}
void pith_gc_get_threshold(int out[3]) {
    for (int i = 0; i < NGENERATIONS; i++) out[i] = gens[i].threshold;
}
void pith_gc_set_threshold(int gen, int value) { gens[gen].threshold = value; }
void pith_gc_get_stats(int gen, intptr_t *collections, intptr_t *collected) {
    *collections = gens[gen].collections;
    *collected = gens[gen].collected;
}
bool pith_gc_is_finalized(PithObject *o) {
    return PITH_IS_GC(o) && !pith_is_immortal(o) && (PITH_GC_HEAD(o)->gc_flags & GC_FINALIZED);
}
PithObject **pith_gc_garbage_slot(void) { return &garbage_list; }
PithObject **pith_gc_callbacks_slot(void) { return &callbacks_list; }

/* Call fn(obj, arg) for each tracked object of generation gen (-1 = all,
 * 3 = permanent); stops at the first non-zero result. */
int pith_gc_for_each(int gen, int (*fn)(PithObject *, void *), void *arg) {
    if (!initialised) init_lists();
    for (int i = 0; i <= NGENERATIONS; i++) {
        if (gen >= 0 && gen != i) continue;
        if (gen < 0 && i == NGENERATIONS) continue;
        PithGCHead *l = i < NGENERATIONS ? &gens[i].head : &permanent;
        for (PithGCHead *h = l->next; h != l; h = h->next) {
            int r = fn(PITH_GC_OBJ(h), arg);
            if (r) return r;
        }
    }
    return 0;
}

void pith_gc_freeze(void) {
    for (int i = 0; i < NGENERATIONS; i++) list_merge(&gens[i].head, &permanent);
    gens[0].count = 0;
}
void pith_gc_unfreeze(void) { list_merge(&permanent, &gens[NGENERATIONS - 1].head); }
intptr_t pith_gc_freeze_count(void) { return list_size(&permanent); }
