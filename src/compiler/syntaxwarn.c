/* syntaxwarn.c — SyntaxWarnings found while tokenizing and compiling
 * ("invalid decimal literal", "'int' object is not callable; perhaps you
 * missed a comma?", ...), attributed to an explicit file and line as
 * CPython's warn_explicit does (there is no Python frame to take them from).
 *
 * sys.warnoptions is consulted for the action, the last matching option
 * winning; an option matches when its category field is empty, "Warning"
 * or "SyntaxWarning", its message field (if any) is a case-insensitive
 * prefix of the message, and its module/lineno fields are empty. Without a
 * matching option the warning is shown (3.11 shows SyntaxWarning by
 * default) as `file:line: SyntaxWarning: msg` plus the stripped source
 * line when the file can be read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compile_internal.h"

enum { SW_SHOW, SW_IGNORE, SW_ERROR };

/* Is `field` (n bytes) empty or one of the names SyntaxWarning matches? */
static int category_matches(const char *field, size_t n) {
    static const char *const names[] = {"Warning", "SyntaxWarning", "builtins.Warning",
                                        "builtins.SyntaxWarning", NULL};
    if (n == 0) return 1;
    for (int i = 0; names[i]; i++)
        if (strlen(names[i]) == n && strncmp(names[i], field, n) == 0) return 1;
    return 0;
}

/* The action of one -W option for msg, or -1 when it does not apply. */
static int option_action(const char *opt, const char *msg) {
    const char *f[5] = {opt, "", "", "", ""};
    size_t len[5] = {strlen(opt), 0, 0, 0, 0};
    for (int i = 0; i < 4; i++) {
        const char *colon = memchr(f[i], ':', len[i]);
        if (!colon) break;
        f[i + 1] = colon + 1;
        len[i + 1] = strlen(colon + 1);
        len[i] = (size_t)(colon - f[i]);
    }
    while (len[0] && f[0][len[0] - 1] == ' ') len[0]--;
    if (!category_matches(f[2], len[2]) || len[3] || len[4]) return -1;
    if (len[1] && (strlen(msg) < len[1] || strncasecmp(msg, f[1], len[1]) != 0)) return -1;
    if (len[0] == 0) return -1;
    if (strncmp("error", f[0], len[0]) == 0) return SW_ERROR;
    if (strncmp("ignore", f[0], len[0]) == 0) return SW_IGNORE;
    return SW_SHOW;
}

static int decide(const char *msg) {
    PithObject *opts = pith_sys_get_object("warnoptions");
    if (!opts || !pith_list_check(opts)) return SW_SHOW;
    for (intptr_t i = PITH_SIZE(opts) - 1; i >= 0; i--) {
        PithObject *o = PITH_LIST_GET(opts, i);
        const char *s = pith_str_check(o) ? pith_str_utf8(o) : NULL;
        if (!s) {
            pith_err_clear();
            continue;
        }
        int a = option_action(s, msg);
        if (a >= 0) return a;
    }
    return SW_SHOW;
}

/* Line `lineno` of file `path` without surrounding blanks (malloc'ed), or
 * NULL when it cannot be read. */
static char *source_line(const char *path, int lineno) {
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

int pith_syntax_warn(PithObject *filename, int lineno, const char *msg) {
    int action = decide(msg);
    if (action == SW_ERROR) return 1;
    if (action == SW_IGNORE) return 0;
    PithObject *err = pith_sys_get_object("stderr");
    if (!err || err == PITH_NONE) return 0;
    PithObject *head = pith_str_from_format("%U:%d: SyntaxWarning: %s\n", filename, lineno, msg);
    if (!head) return -1;
    int r = pith_file_write_object(head, err, true);
    PITH_DECREF(head);
    char *src = r == 0 ? source_line(pith_str_utf8(filename), lineno) : NULL;
    if (src && *src) {
        r = pith_file_write_string("  ", err);
        if (r == 0) r = pith_file_write_string(src, err);
        if (r == 0) r = pith_file_write_string("\n", err);
    }
    free(src);
    return r;
}

int cu_warn(Compiler *c, const char *msg) {
    int r = pith_syntax_warn(c->filename, c->u->loc.line, msg);
    if (r > 0) return cu_error(c, msg);
    return r;
}
