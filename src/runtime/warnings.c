/* warnings.c — pith_warn(): a C-level subset of the `warnings` module.
 *
 * A warning is matched against sys.warnoptions (last option first; only the
 * action and category fields are honoured) and then 3.11's default filters:
 * DeprecationWarning is shown only when triggered from __main__, and
 * Pending/Import/ResourceWarning are ignored. Shown warnings are written to
 * sys.stderr as `file:line: Category: message` plus the stripped source
 * line; the "default" action shows a given (text, category, file, line) once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pith/pith.h"
#include "runtime_internal.h"

typedef enum { ACT_NONE, ACT_ERROR, ACT_IGNORE, ACT_ALWAYS, ACT_DEFAULT } Action;

/* Where the warning is attributed: owned filename, line, module name. */
typedef struct {
    PithObject *filename;
    int lineno;
    bool in_main;
} Site;

/* Keys of warnings already shown under the "default" action. Never freed:
 * lives as long as the interpreter. */
static PithObject *shown_registry;

static Action parse_action(const char *s, size_t n) {
    static const struct { const char *name; Action act; } names[] = {
        {"error", ACT_ERROR},    {"ignore", ACT_IGNORE}, {"always", ACT_ALWAYS},
        {"default", ACT_DEFAULT}, {"module", ACT_DEFAULT}, {"once", ACT_DEFAULT},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (n > 0 && n <= strlen(names[i].name) && !strncmp(s, names[i].name, n))
            return names[i].act;
    return ACT_NONE;
}

/* Does the option's category field (possibly empty) cover `category`? */
static bool option_category_matches(const char *field, size_t n, PithType *category) {
    if (n == 0) return true;
    for (PithType *t = category; t; t = t->tp_base)
        if (strlen(t->tp_name) == n && !strncmp(t->tp_name, field, n)) return true;
    return false;
}

/* "action:message:category:module:lineno" — only action and category used. */
static Action option_action(const char *opt, PithType *category) {
    const char *c1 = strchr(opt, ':');
    Action act = parse_action(opt, c1 ? (size_t)(c1 - opt) : strlen(opt));
    const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    if (!c2) return act;
    const char *cat = c2 + 1, *c3 = strchr(cat, ':');
    size_t n = c3 ? (size_t)(c3 - cat) : strlen(cat);
    return option_category_matches(cat, n, category) ? act : ACT_NONE;
}

static Action command_line_action(PithType *category) {
    PithObject *opts = pith_sys_get_object("warnoptions");
    if (!opts || !pith_list_check(opts)) return ACT_NONE;
    for (intptr_t i = PITH_SIZE(opts) - 1; i >= 0; i--) {
        PithObject *o = PITH_LIST_GET(opts, i);
        const char *s = pith_str_check(o) ? pith_str_utf8(o) : NULL;
        Action a = s ? option_action(s, category) : ACT_NONE;
        if (a != ACT_NONE) return a;
    }
    return ACT_NONE;
}

static Action decide(PithType *category, const Site *site) {
    Action a = command_line_action(category);
    if (a != ACT_NONE) return a;
    if (pith_type_is_subtype(category, &pith_exc_DeprecationWarning))
        return site->in_main ? ACT_DEFAULT : ACT_IGNORE;
    if (pith_type_is_subtype(category, &pith_exc_PendingDeprecationWarning) ||
        pith_type_is_subtype(category, &pith_exc_ImportWarning) ||
        pith_type_is_subtype(category, &pith_exc_ResourceWarning))
        return ACT_IGNORE;
    return ACT_DEFAULT;
}

/* Fill *site from the Python frame `stacklevel - 1` levels up, or the
 * CPython fallback ("sys", line 1) when there is none. */
static int find_site(int stacklevel, Site *site) {
    PithObject *frame = pith_eval_get_frame(stacklevel > 0 ? stacklevel - 1 : 0);
    site->lineno = 1;
    site->in_main = true;
    if (!frame) {
        pith_err_clear();
        site->filename = pith_str_from_cstr("sys");
        return site->filename ? 0 : -1;
    }
    PithObject *g = pith_frame_object_globals(frame);
    PithObject *name = g ? pith_dict_get_item(g, pith_id_name()) : NULL;
    site->in_main = name && pith_str_check(name) && pith_str_eq_cstr(name, "__main__");
    site->filename = PITH_NEWREF(pith_frame_object_code(frame)->filename);
    PithObject *ln = pith_getattr_str(frame, "f_lineno");
    PITH_DECREF(frame);
    if (!ln) return -1;
    site->lineno = (int)pith_number_as_ssize(ln, NULL);
    PITH_DECREF(ln);
    return 0;
}

/* Line `lineno` of `path` with surrounding blanks stripped, malloc'ed; NULL
 * when unreadable. */
static char *stripped_source_line(const char *path, int lineno) {
    FILE *fp = path ? fopen(path, "rb") : NULL;
    if (!fp) return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = -1;
    for (int l = 0; l < lineno && (n = getline(&line, &cap, fp)) >= 0; l++) {}
    fclose(fp);
    if (n < 0) {
        free(line);
        return NULL;
    }
    char *s = line;
    while (*s == ' ' || *s == '\t' || *s == '\f') s++;
    size_t len = strlen(s);
    while (len && strchr(" \t\r\n\f", s[len - 1])) len--;
    memmove(line, s, len);
    line[len] = '\0';
    return line;
}

/* 1 if (category, msg, site) was shown before, else records it and 0. */
static int seen_before(PithType *category, PithObject *msg, const Site *site) {
    if (!shown_registry && !(shown_registry = pith_dict_new())) return -1;
    PithObject *ln = pith_int_from_i64(site->lineno);
    PithObject *key = ln ? pith_tuple_pack(4, msg, (PithObject *)category, site->filename, ln)
                         : NULL;
    PITH_XDECREF(ln);
    if (!key) return -1;
    int r = pith_dict_contains(shown_registry, key);
    if (r == 0) r = pith_dict_set_item(shown_registry, key, PITH_TRUE) < 0 ? -1 : 0;
    PITH_DECREF(key);
    return r;
}

static int show(PithType *category, PithObject *msg, const Site *site) {
    PithObject *err = pith_sys_get_object("stderr");
    if (!err || err == PITH_NONE) return 0;
    PithObject *head = pith_str_from_format("%U:%d: %s: %U\n", site->filename, site->lineno,
                                            category->tp_name, msg);
    if (!head) return -1;
    int r = pith_file_write_object(head, err, true);
    PITH_DECREF(head);
    char *src = stripped_source_line(pith_str_utf8(site->filename), site->lineno);
    if (r == 0 && src && *src) {
        r = pith_file_write_string("  ", err);
        if (r == 0) r = pith_file_write_string(src, err);
        if (r == 0) r = pith_file_write_string("\n", err);
    }
    free(src);
    return r;
}

int pith_warn(PithType *category, const char *msg, int stacklevel) {
    PithObject *text = pith_str_from_cstr(msg);
    Site site = {NULL, 1, true};
    if (!text || find_site(stacklevel, &site) < 0) {
        PITH_XDECREF(text);
        return -1;
    }
    int r = 0;
    switch (decide(category, &site)) {
    case ACT_ERROR:
        pith_err_set_object(category, text);
        r = -1;
        break;
    case ACT_IGNORE:
        break;
    case ACT_DEFAULT:
        r = seen_before(category, text, &site);
        if (r != 0) {
            r = r < 0 ? -1 : 0;
            break;
        }
        /* fall through */
    default:
        r = show(category, text, &site);
    }
    PITH_DECREF(text);
    PITH_DECREF(site.filename);
    return r;
}
