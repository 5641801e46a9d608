/* time.c — the `time` module: clocks (time, monotonic, perf_counter,
 * process_time, thread_time and their _ns forms), sleep, struct_time with
 * gmtime/localtime/mktime, strftime/asctime/ctime, the timezone globals and
 * get_clock_info. strptime defers to the pure-Python _strptime module. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "osmod.h"
#include "pith/import.h"

static PithStructSeqType struct_time_type;

/* ---- clocks --------------------------------------------------------------- */

static int64_t clock_ns(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static PithObject *ns_as_float(int64_t ns) {
    if (ns % 1000000000 == 0) return pith_float_from_double((double)(ns / 1000000000));
    return pith_float_from_double((double)ns / 1e9);
}

#define CLOCK_FUNCS(name, id)                                                                \
    static PithObject *t_##name(PithObject *m, PithObject *const *a, size_t n, PithObject *k) { \
        return ns_as_float(clock_ns(id));                                                    \
    }                                                                                        \
    static PithObject *t_##name##_ns(PithObject *m, PithObject *const *a, size_t n,           \
                                     PithObject *k) {                                        \
        return pith_int_from_i64(clock_ns(id));                                              \
    }
CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

static PithObject *t_clock_gettime(PithObject *m, PithObject *const *a, size_t n,
                                   PithObject *k) {
    int id;
    if (pith_os_int(a[0], &id) < 0) return NULL;
    struct timespec ts;
    if (clock_gettime((clockid_t)id, &ts) < 0) return pith_os_error2(NULL, NULL);
    return pith_float_from_double((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static PithObject *t_clock_gettime_ns(PithObject *m, PithObject *const *a, size_t n,
                                      PithObject *k) {
    int id;
    if (pith_os_int(a[0], &id) < 0) return NULL;
    struct timespec ts;
    if (clock_gettime((clockid_t)id, &ts) < 0) return pith_os_error2(NULL, NULL);
    return pith_int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

static PithObject *t_get_clock_info(PithObject *m, PithObject *const *a, size_t n,
                                    PithObject *k) {
    static const struct {
        const char *name, *impl;
        clockid_t id;
        bool monotonic, adjustable;
    } clocks[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, false, true},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID,
         true, false},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, true,
         false},
    };
    if (!pith_str_check(a[0])) {
        pith_err_format(&pith_exc_TypeError, "get_clock_info() argument must be str, not %T",
                        a[0]);
        return NULL;
    }
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        if (!pith_str_eq_cstr(a[0], clocks[i].name)) continue;
        struct timespec res;
        clock_getres(clocks[i].id, &res);
        PithObject *d = pith_dict_new();
        PithObject *impl = pith_str_from_cstr(clocks[i].impl);
        PithObject *r = pith_float_from_double((double)res.tv_sec + res.tv_nsec * 1e-9);
        PithObject *ns = NULL;
        if (d && impl && r && pith_dict_set_item_str(d, "implementation", impl) == 0 &&
            pith_dict_set_item_str(d, "monotonic", pith_bool_from(clocks[i].monotonic)) == 0 &&
            pith_dict_set_item_str(d, "adjustable", pith_bool_from(clocks[i].adjustable)) == 0 &&
            pith_dict_set_item_str(d, "resolution", r) == 0)
            ns = pith_namespace_new(d);
        PITH_XDECREF(d);
        PITH_XDECREF(impl);
        PITH_XDECREF(r);
        return ns;
    }
    pith_err_set_string(&pith_exc_ValueError, "unknown clock");
    return NULL;
}

static PithObject *t_sleep(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double secs;
    if (pith_float_check(a[0])) {
        secs = PITH_FLOAT_VALUE(a[0]);
        if (isnan(secs)) {
            pith_err_set_string(&pith_exc_ValueError, "Invalid value NaN (not a number)");
            return NULL;
        }
    } else {
        PithObject *i = pith_number_index(a[0]);
        if (!i) return NULL;
        secs = pith_int_as_double(i);
        PITH_DECREF(i);
        if (secs == -1.0 && pith_err_occurred()) return NULL;
    }
    if (secs < 0) {
        pith_err_set_string(&pith_exc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    if (secs > 9.2e9) {
        pith_err_set_string(&pith_exc_OverflowError, "sleep length is too large");
        return NULL;
    }
    pith_stdio_flush(NULL);
    struct timespec ts = {(time_t)secs, (long)((secs - floor(secs)) * 1e9)};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
    }
    PITH_RETURN_NONE;
}

/* ---- struct_time ---------------------------------------------------------- */

static PithObject *tm_to_struct(const struct tm *tm, const char *zone, long gmtoff) {
    int v[9] = {tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min,
                tm->tm_sec, (tm->tm_wday + 6) % 7, tm->tm_yday + 1, tm->tm_isdst};
    PithObject *it[11];
    for (int i = 0; i < 9; i++) it[i] = pith_int_from_i64(v[i]);
    it[9] = zone ? pith_os_decode(zone, -1, false) : PITH_NEWREF(PITH_NONE);
    it[10] = pith_int_from_i64(gmtoff);
    for (int i = 0; i < 11; i++) {
        if (it[i]) continue;
        for (int j = 0; j < 11; j++) PITH_XDECREF(it[j]);
        return NULL;
    }
    return pith_structseq_steal(&struct_time_type, it);
}

/* A seconds argument (None = now) as time_t, rounding toward -inf. */
static int time_t_arg(PithObject *o, time_t *out) {
    if (!o || o == PITH_NONE) {
        *out = time(NULL);
        return 0;
    }
    if (pith_float_check(o)) {
        double d = PITH_FLOAT_VALUE(o);
        if (isnan(d)) {
            pith_err_set_string(&pith_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (!(d >= -9.2e18 && d < 9.2e18)) {
            pith_err_set_string(&pith_exc_OverflowError,
                                "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    PithObject *i = pith_number_index(o);
    if (!i) return -1;
    int overflow = 0;
    int64_t v = pith_int_as_i64_overflow(i, &overflow);
    PITH_DECREF(i);
    if (overflow) {
        pith_err_set_string(&pith_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)v;
    return 0;
}

static PithObject *convert_time(PithObject *const *a, size_t n, bool local) {
    time_t t;
    if (pith_arg_check_range(local ? "localtime" : "gmtime", n, 0, 1) < 0 ||
        time_t_arg(n ? a[0] : NULL, &t) < 0)
        return NULL;
    struct tm tm;
    errno = 0;
    if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm))) {
        if (errno == 0) errno = EINVAL;
        if (errno == EOVERFLOW) {
            pith_err_set_string(&pith_exc_OverflowError,
                                "timestamp out of range for platform time_t");
            return NULL;
        }
        return pith_os_error2(NULL, NULL);
    }
    return tm_to_struct(&tm, tm.tm_zone, tm.tm_gmtoff);
}

static PithObject *t_gmtime(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return convert_time(a, n, false);
}
static PithObject *t_localtime(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return convert_time(a, n, true);
}

/* A 9-tuple / struct_time into tm (C conventions). zone_keep receives an
 * owned reference keeping tm_zone's text alive (or NULL). */
static int tm_arg(const char *fname, PithObject *o, struct tm *tm, PithObject **zone_keep) {
    *zone_keep = NULL;
    if (!pith_tuple_check(o)) {
        pith_err_set_string(&pith_exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (PITH_SIZE(o) != 9) {
        pith_err_format(&pith_exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int v[9];
    for (int i = 0; i < 9; i++)
        if (pith_os_int(PITH_TUPLE_GET(o, i), &v[i]) < 0) return -1;
    memset(tm, 0, sizeof *tm);
    tm->tm_year = v[0] - 1900;
    tm->tm_mon = v[1] - 1;
    tm->tm_mday = v[2];
    tm->tm_hour = v[3];
    tm->tm_min = v[4];
    tm->tm_sec = v[5];
    tm->tm_wday = (v[6] + 1) % 7;
    tm->tm_yday = v[7] - 1;
    tm->tm_isdst = v[8];
    if (PITH_TYPE(o) == &struct_time_type.type) {
        PithObject *zone = PITH_TUPLE_GET(o, 9), *off = PITH_TUPLE_GET(o, 10);
        if (zone != PITH_NONE && pith_str_check(zone)) {
            *zone_keep = pith_str_encode_utf8(zone, "surrogateescape");
            if (!*zone_keep) return -1;
            tm->tm_zone = PITH_BYTES_DATA(*zone_keep);
        }
        if (off != PITH_NONE && pith_int_check(off)) tm->tm_gmtoff = (long)pith_int_as_i64(off);
    }
    return 0;
}

/* CPython's range checks on a tm from a tuple (after the strftime/asctime
 * normalisations of zero fields). */
static int check_tm(struct tm *tm) {
    const char *msg = NULL;
    if (tm->tm_mon < 0 || tm->tm_mon > 11) msg = "month out of range";
    else if (tm->tm_mday < 1 || tm->tm_mday > 31) msg = "day of month out of range";
    else if (tm->tm_hour < 0 || tm->tm_hour > 23) msg = "hour out of range";
    else if (tm->tm_min < 0 || tm->tm_min > 59) msg = "minute out of range";
    else if (tm->tm_sec < 0 || tm->tm_sec > 61) msg = "seconds out of range";
    else if (tm->tm_wday < 0) msg = "day of week out of range";
    else if (tm->tm_yday < 0 || tm->tm_yday > 365) msg = "day of year out of range";
    if (!msg) return 0;
    pith_err_set_string(&pith_exc_ValueError, msg);
    return -1;
}

/* The tm for an optional tuple argument (absent/None = localtime now). */
static int tm_or_now(const char *fname, PithObject *o, struct tm *tm, PithObject **keep) {
    *keep = NULL;
    if (o && o != PITH_NONE) return tm_arg(fname, o, tm, keep);
    time_t t = time(NULL);
    localtime_r(&t, tm);
    return 0;
}

static PithObject *t_strftime(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    if (pith_arg_check_range("strftime", n, 1, 2) < 0) return NULL;
    if (!pith_str_check(a[0])) {
        pith_err_format(&pith_exc_TypeError, "strftime() argument 1 must be str, not %T", a[0]);
        return NULL;
    }
    struct tm tm;
    PithObject *keep;
    if (tm_or_now("strftime", n > 1 ? a[1] : NULL, &tm, &keep) < 0) return NULL;
    if (n > 1) {
        if (tm.tm_mon == -1) tm.tm_mon = 0;
        if (tm.tm_mday == 0) tm.tm_mday = 1;
        if (tm.tm_yday == -1) tm.tm_yday = 0;
        if (check_tm(&tm) < 0) {
            PITH_XDECREF(keep);
            return NULL;
        }
    }
    if (tm.tm_isdst < -1) tm.tm_isdst = -1;
    else if (tm.tm_isdst > 1) tm.tm_isdst = 1;
    PithObject *fmtb = pith_str_encode_utf8(a[0], "surrogateescape");
    PithObject *r = NULL;
    if (!fmtb) goto done;
    intptr_t flen = PITH_BYTES_SIZE(fmtb);
    if (flen == 0) {
        r = pith_str_empty();
        goto done;
    }
    /* a trailing space marks "non-empty result" so 0 means too small */
    char *fmt = pith_mem_malloc((size_t)flen + 2);
    if (!fmt) {
        pith_err_no_memory();
        goto done;
    }
    memcpy(fmt, PITH_BYTES_DATA(fmtb), (size_t)flen);
    fmt[flen] = ' ';
    fmt[flen + 1] = 0;
    for (size_t size = 256;; size *= 2) {
        char *buf = pith_mem_malloc(size);
        if (!buf) {
            pith_err_no_memory();
            break;
        }
        size_t len = strftime(buf, size, fmt, &tm);
        if (len > 0) r = pith_os_decode(buf, (intptr_t)len - 1, false);
        pith_mem_free(buf);
        if (len > 0 || size > (size_t)flen * 1024 + 4096) {
            if (!r && !pith_err_occurred()) r = pith_str_empty();
            break;
        }
    }
    pith_mem_free(fmt);
done:
    PITH_XDECREF(fmtb);
    PITH_XDECREF(keep);
    return r;
}

static PithObject *format_asctime(const struct tm *tm) {
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[96];
    snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", wday[tm->tm_wday % 7],
             mon[tm->tm_mon % 12], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
             tm->tm_year + 1900);
    return pith_str_from_cstr(buf);
}

static PithObject *t_asctime(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    if (pith_arg_check_range("asctime", n, 0, 1) < 0) return NULL;
    struct tm tm;
    PithObject *keep;
    if (tm_or_now("asctime", n ? a[0] : NULL, &tm, &keep) < 0) return NULL;
    PITH_XDECREF(keep);
    if (check_tm(&tm) < 0) return NULL;
    return format_asctime(&tm);
}

static PithObject *t_ctime(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    time_t t;
    if (pith_arg_check_range("ctime", n, 0, 1) < 0 || time_t_arg(n ? a[0] : NULL, &t) < 0)
        return NULL;
    struct tm tm;
    if (!localtime_r(&t, &tm)) {
        pith_err_set_string(&pith_exc_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    return format_asctime(&tm);
}

static PithObject *t_mktime(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    struct tm tm;
    PithObject *keep;
    if (tm_arg("mktime", a[0], &tm, &keep) < 0) return NULL;
    PITH_XDECREF(keep);
    tm.tm_wday = -1; /* sentinel: mktime sets it on success */
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        pith_err_set_string(&pith_exc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return pith_float_from_double((double)t);
}

static PithObject *t_strptime(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    PithObject *name = pith_str_from_cstr("_strptime");
    if (!name) return NULL;
    PithObject *mod = pith_import_module(name);
    PITH_DECREF(name);
    if (!mod) return NULL;
    PithObject *f = pith_getattr_str(mod, "_strptime_time");
    PITH_DECREF(mod);
    if (!f) return NULL;
    PithObject *r = pith_call(f, a, n, NULL);
    PITH_DECREF(f);
    return r;
}

/* ---- timezone globals ----------------------------------------------------- */

/* timezone/altzone/daylight/tzname from January and July of this year. */
static int init_timezone(PithObject *m) {
    tzset();
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    int year = tm.tm_year;
    struct tm jan = {.tm_year = year, .tm_mday = 1, .tm_isdst = -1};
    struct tm jul = {.tm_year = year, .tm_mon = 6, .tm_mday = 1, .tm_isdst = -1};
    time_t tj = mktime(&jan), tl = mktime(&jul);
    localtime_r(&tj, &jan);
    localtime_r(&tl, &jul);
    long janoff = -jan.tm_gmtoff, juloff = -jul.tm_gmtoff;
    char janname[16], julname[16];
    snprintf(janname, sizeof janname, "%s", jan.tm_zone ? jan.tm_zone : "");
    snprintf(julname, sizeof julname, "%s", jul.tm_zone ? jul.tm_zone : "");
    bool south = janoff < juloff;
    long tz = south ? juloff : janoff, alt = south ? janoff : juloff;
    PithObject *n1 = pith_os_decode(south ? julname : janname, -1, false);
    PithObject *n2 = pith_os_decode(south ? janname : julname, -1, false);
    PithObject *names = n1 && n2 ? pith_tuple_pack(2, n1, n2) : NULL;
    PITH_XDECREF(n1);
    PITH_XDECREF(n2);
    if (pith_module_add_int(m, "timezone", tz) < 0 || pith_module_add_int(m, "altzone", alt) < 0 ||
        pith_module_add_int(m, "daylight", janoff != juloff) < 0 ||
        pith_module_add_object(m, "tzname", names) < 0)
        return -1;
    return 0;
}

static PithObject *t_tzset(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    if (init_timezone(m) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithMethodDef time_methods[] = {
    {"time", t_time, PITH_METH_NOARGS, NULL},
    {"time_ns", t_time_ns, PITH_METH_NOARGS, NULL},
    {"monotonic", t_monotonic, PITH_METH_NOARGS, NULL},
    {"monotonic_ns", t_monotonic_ns, PITH_METH_NOARGS, NULL},
    {"perf_counter", t_perf_counter, PITH_METH_NOARGS, NULL},
    {"perf_counter_ns", t_perf_counter_ns, PITH_METH_NOARGS, NULL},
    {"process_time", t_process_time, PITH_METH_NOARGS, NULL},
    {"process_time_ns", t_process_time_ns, PITH_METH_NOARGS, NULL},
    {"thread_time", t_thread_time, PITH_METH_NOARGS, NULL},
    {"thread_time_ns", t_thread_time_ns, PITH_METH_NOARGS, NULL},
    {"clock_gettime", t_clock_gettime, PITH_METH_O, NULL},
    {"clock_gettime_ns", t_clock_gettime_ns, PITH_METH_O, NULL},
    {"get_clock_info", t_get_clock_info, PITH_METH_O, NULL},
    {"sleep", t_sleep, PITH_METH_O, NULL},
    {"gmtime", t_gmtime, PITH_METH_FAST, NULL},
    {"localtime", t_localtime, PITH_METH_FAST, NULL},
    {"mktime", t_mktime, PITH_METH_O, NULL},
    {"strftime", t_strftime, PITH_METH_FAST, NULL},
    {"strptime", t_strptime, PITH_METH_FAST, NULL},
    {"asctime", t_asctime, PITH_METH_FAST, NULL},
    {"ctime", t_ctime, PITH_METH_FAST, NULL},
    {"tzset", t_tzset, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const char *const struct_time_fields[] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",  "tm_sec",
    "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
};

PithObject *pith_time_module_init(void) {
    if (pith_structseq_init(&struct_time_type, "time.struct_time", struct_time_fields, 11, 9) < 0)
        return NULL;
    PithObject *m = pith_module_new("time");
    if (!m) return NULL;
    if (pith_module_add_functions(m, time_methods) < 0 || init_timezone(m) < 0 ||
        pith_module_add_object(m, "struct_time", PITH_NEWREF(&struct_time_type)) < 0 ||
        pith_module_add_int(m, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        pith_module_add_int(m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0 ||
        pith_module_add_int(m, "CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW) < 0 ||
        pith_module_add_int(m, "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID) < 0 ||
        pith_module_add_int(m, "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID) < 0 ||
        pith_module_add_int(m, "CLOCK_BOOTTIME", CLOCK_BOOTTIME) < 0 ||
        pith_module_add_int(m, "CLOCK_TAI", CLOCK_TAI) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
