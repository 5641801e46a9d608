/* test_grammar_coverage.c — grammar coverage of the language test suite.
 *
 * Parses every tests/lang program (NAME.py; the directory is relative to
 * the current one: the runner starts unit tests from the repository root),
 * walks each AST and records which node kinds occur: every statement,
 * expression and pattern kind, the helper nodes (comprehension,
 * excepthandler, arguments, arg, keyword, alias, withitem, match_case) and
 * every operator, comparison, unary operator, boolean operator and
 * expression context. Prints the kinds no program produces and fails if any
 * is missing, so that each construct the parser builds is exercised end to
 * end by some program.
 *
 * Programs whose expected stderr (NAME.err) is a bare SyntaxError,
 * IndentationError or TabError are expected not to parse and are skipped;
 * any other program that fails to parse is a failure.
 */
#include "pith/pith.h"
#include "pith/parser.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LANG_DIR "tests/lang"

/* ---- the table of kinds ------------------------------------------------ */

/* One slot per kind; `seen` counts the programs producing it. */
typedef struct Kind {
    const char *name;
    int seen;
} Kind;

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Indexed by the enum values of ast.h (index 0 unused). */
static Kind stmts[] = {
    {"", 1}, {"FunctionDef", 0}, {"AsyncFunctionDef", 0}, {"ClassDef", 0}, {"Return", 0},
    {"Delete", 0}, {"Assign", 0}, {"AugAssign", 0}, {"AnnAssign", 0}, {"For", 0},
    {"AsyncFor", 0}, {"While", 0}, {"If", 0}, {"With", 0}, {"AsyncWith", 0}, {"Match", 0},
    {"Raise", 0}, {"Try", 0}, {"TryStar", 0}, {"Assert", 0}, {"Import", 0},
    {"ImportFrom", 0}, {"Global", 0}, {"Nonlocal", 0}, {"Expr", 0}, {"Pass", 0},
    {"Break", 0}, {"Continue", 0}};
static Kind exprs[] = {
    {"", 1}, {"BoolOp", 0}, {"NamedExpr", 0}, {"BinOp", 0}, {"UnaryOp", 0}, {"Lambda", 0},
    {"IfExp", 0}, {"Dict", 0}, {"Set", 0}, {"ListComp", 0}, {"SetComp", 0},
    {"DictComp", 0}, {"GeneratorExp", 0}, {"Await", 0}, {"Yield", 0}, {"YieldFrom", 0},
    {"Compare", 0}, {"Call", 0}, {"FormattedValue", 0}, {"JoinedStr", 0},
    {"Constant", 0}, {"Attribute", 0}, {"Subscript", 0}, {"Starred", 0}, {"Name", 0},
    {"List", 0}, {"Tuple", 0}, {"Slice", 0}};
static Kind patterns[] = {
    {"", 1}, {"MatchValue", 0}, {"MatchSingleton", 0}, {"MatchSequence", 0},
    {"MatchMapping", 0}, {"MatchClass", 0}, {"MatchStar", 0}, {"MatchAs", 0},
    {"MatchOr", 0}};
static Kind operators[] = {
    {"", 1}, {"Add", 0}, {"Sub", 0}, {"Mult", 0}, {"MatMult", 0}, {"Div", 0}, {"Mod", 0},
    {"Pow", 0}, {"LShift", 0}, {"RShift", 0}, {"BitOr", 0}, {"BitXor", 0},
    {"BitAnd", 0}, {"FloorDiv", 0}};
static Kind cmpops[] = {
    {"", 1}, {"Eq", 0}, {"NotEq", 0}, {"Lt", 0}, {"LtE", 0}, {"Gt", 0}, {"GtE", 0},
    {"Is", 0}, {"IsNot", 0}, {"In", 0}, {"NotIn", 0}};
static Kind unaryops[] = {{"", 1}, {"Invert", 0}, {"Not", 0}, {"UAdd", 0}, {"USub", 0}};
static Kind boolops[] = {{"", 1}, {"And", 0}, {"Or", 0}};
static Kind contexts[] = {{"", 1}, {"Load", 0}, {"Store", 0}, {"Del", 0}};

/* Helper nodes, one slot each. */
enum {
    H_comprehension, H_excepthandler, H_arguments, H_arg, H_keyword, H_alias,
    H_withitem, H_match_case, H_COUNT
};
static Kind helpers[H_COUNT] = {
    {"comprehension", 0}, {"excepthandler", 0}, {"arguments", 0}, {"arg", 0},
    {"keyword", 0}, {"alias", 0}, {"withitem", 0}, {"match_case", 0}};

typedef struct Group {
    const char *what;
    Kind *kinds;
    int n;
} Group;

static const Group groups[] = {
    {"stmt", stmts, N(stmts)},         {"expr", exprs, N(exprs)},
    {"pattern", patterns, N(patterns)}, {"operator", operators, N(operators)},
    {"cmpop", cmpops, N(cmpops)},       {"unaryop", unaryops, N(unaryops)},
    {"boolop", boolops, N(boolops)},    {"expr_context", contexts, N(contexts)},
    {"node", helpers, H_COUNT}};

static int failures;

/* Record kind k of a table; an out-of-range kind is a parser bug. */
static void mark(Kind *table, int n, int k, const char *what) {
    if (k <= 0 || k >= n) {
        printf("FAIL: %s kind %d out of range\n", what, k);
        failures++;
        return;
    }
    table[k].seen++;
}

#define MARK(table, k) mark(table, N(table), (int)(k), #table)

/* ---- the walk ----------------------------------------------------------- */

static void walk_expr(PithExpr *e);
static void walk_stmt(PithStmt *s);
static void walk_pattern(PithPattern *p);

static void walk_exprs(PithAstSeq *s) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s); i++) walk_expr(PITH_SEQ_GET(s, i));
}

static void walk_stmts(PithAstSeq *s) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s); i++) walk_stmt(PITH_SEQ_GET(s, i));
}

static void walk_patterns(PithAstSeq *s) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s); i++) walk_pattern(PITH_SEQ_GET(s, i));
}

static void walk_arg(PithArg *a) {
    if (!a) return;
    helpers[H_arg].seen++;
    walk_expr(a->annotation);
}

static void walk_args_seq(PithAstSeq *s) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s); i++) walk_arg(PITH_SEQ_GET(s, i));
}

static void walk_arguments(PithArguments *a) {
    helpers[H_arguments].seen++;
    walk_args_seq(a->posonlyargs);
    walk_args_seq(a->args);
    walk_arg(a->vararg);
    walk_args_seq(a->kwonlyargs);
    walk_exprs(a->kw_defaults); /* NULL entries are skipped by walk_expr */
    walk_arg(a->kwarg);
    walk_exprs(a->defaults);
}

static void walk_keywords(PithAstSeq *s) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s); i++) {
        PithKeyword *k = PITH_SEQ_GET(s, i);
        helpers[H_keyword].seen++;
        walk_expr(k->value);
    }
}

static void walk_generators(PithAstSeq *s) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s); i++) {
        PithComprehension *c = PITH_SEQ_GET(s, i);
        helpers[H_comprehension].seen++;
        walk_expr(c->target);
        walk_expr(c->iter);
        walk_exprs(c->ifs);
    }
}

/* Expressions carrying an expr_context. */
static void walk_ctx_expr(PithExpr *e) {
    switch (e->kind) {
    case PITH_E_Attribute: MARK(contexts, e->v.Attribute.ctx); walk_expr(e->v.Attribute.value); break;
    case PITH_E_Subscript:
        MARK(contexts, e->v.Subscript.ctx);
        walk_expr(e->v.Subscript.value);
        walk_expr(e->v.Subscript.slice);
        break;
    case PITH_E_Starred: MARK(contexts, e->v.Starred.ctx); walk_expr(e->v.Starred.value); break;
    case PITH_E_Name: MARK(contexts, e->v.Name.ctx); break;
    case PITH_E_List: MARK(contexts, e->v.List.ctx); walk_exprs(e->v.List.elts); break;
    case PITH_E_Tuple: MARK(contexts, e->v.Tuple.ctx); walk_exprs(e->v.Tuple.elts); break;
    default: break;
    }
}

/* Comprehensions, displays and other container-like expressions. */
static void walk_display_expr(PithExpr *e) {
    switch (e->kind) {
    case PITH_E_Dict: walk_exprs(e->v.Dict.keys); walk_exprs(e->v.Dict.values); break;
    case PITH_E_Set: walk_exprs(e->v.Set.elts); break;
    case PITH_E_ListComp: walk_expr(e->v.ListComp.elt); walk_generators(e->v.ListComp.generators); break;
    case PITH_E_SetComp: walk_expr(e->v.SetComp.elt); walk_generators(e->v.SetComp.generators); break;
    case PITH_E_DictComp:
        walk_expr(e->v.DictComp.key);
        walk_expr(e->v.DictComp.value);
        walk_generators(e->v.DictComp.generators);
        break;
    case PITH_E_GeneratorExp:
        walk_expr(e->v.GeneratorExp.elt);
        walk_generators(e->v.GeneratorExp.generators);
        break;
    case PITH_E_JoinedStr: walk_exprs(e->v.JoinedStr.values); break;
    case PITH_E_FormattedValue:
        walk_expr(e->v.FormattedValue.value);
        walk_expr(e->v.FormattedValue.format_spec);
        break;
    case PITH_E_Slice:
        walk_expr(e->v.Slice.lower);
        walk_expr(e->v.Slice.upper);
        walk_expr(e->v.Slice.step);
        break;
    default: walk_ctx_expr(e); break;
    }
}

static void walk_expr(PithExpr *e) {
    if (!e) return;
    MARK(exprs, e->kind);
    switch (e->kind) {
    case PITH_E_BoolOp: MARK(boolops, e->v.BoolOp.op); walk_exprs(e->v.BoolOp.values); break;
    case PITH_E_NamedExpr: walk_expr(e->v.NamedExpr.target); walk_expr(e->v.NamedExpr.value); break;
    case PITH_E_BinOp:
        MARK(operators, e->v.BinOp.op);
        walk_expr(e->v.BinOp.left);
        walk_expr(e->v.BinOp.right);
        break;
    case PITH_E_UnaryOp: MARK(unaryops, e->v.UnaryOp.op); walk_expr(e->v.UnaryOp.operand); break;
    case PITH_E_Lambda: walk_arguments(e->v.Lambda.args); walk_expr(e->v.Lambda.body); break;
    case PITH_E_IfExp:
        walk_expr(e->v.IfExp.test);
        walk_expr(e->v.IfExp.body);
        walk_expr(e->v.IfExp.orelse);
        break;
    case PITH_E_Await: walk_expr(e->v.Await.value); break;
    case PITH_E_Yield: walk_expr(e->v.Yield.value); break;
    case PITH_E_YieldFrom: walk_expr(e->v.YieldFrom.value); break;
    case PITH_E_Compare:
        walk_expr(e->v.Compare.left);
        for (intptr_t i = 0; i < PITH_SEQ_LEN(e->v.Compare.ops); i++)
            MARK(cmpops, (intptr_t)PITH_SEQ_GET(e->v.Compare.ops, i));
        walk_exprs(e->v.Compare.comparators);
        break;
    case PITH_E_Call:
        walk_expr(e->v.Call.func);
        walk_exprs(e->v.Call.args);
        walk_keywords(e->v.Call.keywords);
        break;
    default: walk_display_expr(e); break;
    }
}

static void walk_handlers(PithAstSeq *s) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s); i++) {
        PithExceptHandler *h = PITH_SEQ_GET(s, i);
        helpers[H_excepthandler].seen++;
        walk_expr(h->type);
        walk_stmts(h->body);
    }
}

static void walk_withitems(PithAstSeq *s) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s); i++) {
        PithWithItem *w = PITH_SEQ_GET(s, i);
        helpers[H_withitem].seen++;
        walk_expr(w->context_expr);
        walk_expr(w->optional_vars);
    }
}

static void walk_cases(PithAstSeq *s) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s); i++) {
        PithMatchCase *c = PITH_SEQ_GET(s, i);
        helpers[H_match_case].seen++;
        walk_pattern(c->pattern);
        walk_expr(c->guard);
        walk_stmts(c->body);
    }
}

static void walk_aliases(PithAstSeq *s) { helpers[H_alias].seen += (int)PITH_SEQ_LEN(s); }

/* Compound statements (those with bodies). */
static void walk_compound(PithStmt *s) {
    switch (s->kind) {
    case PITH_S_FunctionDef:
    case PITH_S_AsyncFunctionDef:
        walk_exprs(s->v.FunctionDef.decorator_list);
        walk_arguments(s->v.FunctionDef.args);
        walk_expr(s->v.FunctionDef.returns);
        walk_stmts(s->v.FunctionDef.body);
        break;
    case PITH_S_ClassDef:
        walk_exprs(s->v.ClassDef.decorator_list);
        walk_exprs(s->v.ClassDef.bases);
        walk_keywords(s->v.ClassDef.keywords);
        walk_stmts(s->v.ClassDef.body);
        break;
    case PITH_S_For:
    case PITH_S_AsyncFor:
        walk_expr(s->v.For.target);
        walk_expr(s->v.For.iter);
        walk_stmts(s->v.For.body);
        walk_stmts(s->v.For.orelse);
        break;
    case PITH_S_While: walk_expr(s->v.While.test); walk_stmts(s->v.While.body); walk_stmts(s->v.While.orelse); break;
    case PITH_S_If: walk_expr(s->v.If.test); walk_stmts(s->v.If.body); walk_stmts(s->v.If.orelse); break;
    case PITH_S_With:
    case PITH_S_AsyncWith: walk_withitems(s->v.With.items); walk_stmts(s->v.With.body); break;
    case PITH_S_Match: walk_expr(s->v.Match.subject); walk_cases(s->v.Match.cases); break;
    case PITH_S_Try:
    case PITH_S_TryStar:
        walk_stmts(s->v.Try.body);
        walk_handlers(s->v.Try.handlers);
        walk_stmts(s->v.Try.orelse);
        walk_stmts(s->v.Try.finalbody);
        break;
    default: break;
    }
}

static void walk_stmt(PithStmt *s) {
    MARK(stmts, s->kind);
    switch (s->kind) {
    case PITH_S_Return: walk_expr(s->v.Return.value); break;
    case PITH_S_Delete: walk_exprs(s->v.Delete.targets); break;
    case PITH_S_Assign: walk_exprs(s->v.Assign.targets); walk_expr(s->v.Assign.value); break;
    case PITH_S_AugAssign:
        MARK(operators, s->v.AugAssign.op);
        walk_expr(s->v.AugAssign.target);
        walk_expr(s->v.AugAssign.value);
        break;
    case PITH_S_AnnAssign:
        walk_expr(s->v.AnnAssign.target);
        walk_expr(s->v.AnnAssign.annotation);
        walk_expr(s->v.AnnAssign.value);
        break;
    case PITH_S_Raise: walk_expr(s->v.Raise.exc); walk_expr(s->v.Raise.cause); break;
    case PITH_S_Assert: walk_expr(s->v.Assert.test); walk_expr(s->v.Assert.msg); break;
    case PITH_S_Import: walk_aliases(s->v.Import.names); break;
    case PITH_S_ImportFrom: walk_aliases(s->v.ImportFrom.names); break;
    case PITH_S_Expr: walk_expr(s->v.Expr.value); break;
    default: walk_compound(s); break;
    }
}

static void walk_pattern(PithPattern *p) {
    if (!p) return;
    MARK(patterns, p->kind);
    switch (p->kind) {
    case PITH_P_MatchValue: walk_expr(p->v.MatchValue.value); break;
    case PITH_P_MatchSequence: walk_patterns(p->v.MatchSequence.patterns); break;
    case PITH_P_MatchMapping:
        walk_exprs(p->v.MatchMapping.keys);
        walk_patterns(p->v.MatchMapping.patterns);
        break;
    case PITH_P_MatchClass:
        walk_expr(p->v.MatchClass.cls);
        walk_patterns(p->v.MatchClass.patterns);
        walk_patterns(p->v.MatchClass.kwd_patterns);
        break;
    case PITH_P_MatchAs: walk_pattern(p->v.MatchAs.pattern); break;
    case PITH_P_MatchOr: walk_patterns(p->v.MatchOr.patterns); break;
    default: break; /* MatchSingleton, MatchStar: no sub-nodes */
    }
}

/* ---- the programs --------------------------------------------------------- */

/* Whole file into a malloc'd buffer (*len bytes), or NULL. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) free(buf);
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* True when NAME.err holds only a SyntaxError report (no traceback). */
static bool expects_syntax_error(const char *dir, const char *stem) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.err", dir, stem);
    size_t n;
    char *err = read_file(path, &n);
    if (!err) return false;
    bool r = false;
    if (n > 0 && memmem(err, n, "Traceback", 9) == NULL) {
        const char *kinds[] = {"\nSyntaxError: ", "\nIndentationError: ", "\nTabError: "};
        for (int i = 0; i < 3 && !r; i++) r = memmem(err, n, kinds[i], strlen(kinds[i])) != NULL;
    }
    free(err);
    return r;
}

static void walk_program(const char *dir, const char *name) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        printf("FAIL: cannot read %s\n", path);
        failures++;
        return;
    }
    PithObject *filename = pith_str_from_cstr(name);
    PithArena *arena = pith_arena_new();
    PithMod *m = filename && arena ? pith_parse(src, len, filename, PITH_MODE_EXEC, arena) : NULL;
    if (m) {
        walk_stmts(m->body);
    } else {
        pith_err_clear();
        char stem[512];
        snprintf(stem, sizeof stem, "%.*s", (int)(strlen(name) - 3), name);
        if (!expects_syntax_error(dir, stem)) {
            printf("FAIL: %s does not parse\n", path);
            failures++;
        }
    }
    if (arena) pith_arena_free(arena);
    PITH_XDECREF(filename);
    free(src);
}

static bool is_program(const char *name) {
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".py") == 0;
}

/* Parses every program; returns how many there were. */
static int walk_all(void) {
    DIR *d = opendir(LANG_DIR);
    if (!d) {
        printf("FAIL: cannot open %s (run from the repository root)\n", LANG_DIR);
        failures++;
        return 0;
    }
    int count = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (!is_program(ent->d_name)) continue;
        walk_program(LANG_DIR, ent->d_name);
        count++;
    }
    closedir(d);
    return count;
}

/* Prints every kind no program produced; returns how many. */
static int report_missing(void) {
    int missing = 0;
    for (int g = 0; g < N(groups); g++)
        for (int k = 0; k < groups[g].n; k++)
            if (!groups[g].kinds[k].seen) {
                printf("MISSING %s %s\n", groups[g].what, groups[g].kinds[k].name);
                missing++;
            }
    return missing;
}

int main(void) {
    if (pith_initialize() < 0) {
        printf("FAIL: pith_initialize\n");
        return 1;
    }
    int programs = walk_all();
    int missing = report_missing();
    printf("test_grammar_coverage: %d programs, %d kinds missing, %d failures\n", programs,
           missing, failures);
    return missing || failures ? 1 : 0;
}
