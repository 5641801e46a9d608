/* test_opcodes_doc.c — docs/opcodes.md must document every opcode of
 * include/pith/opcode.h with its number: a table row "| N | `NAME` |".
 * Run from the repository root (tools/runtests.sh does). Exit 0 = pass;
 * one FAIL line per missing or misnumbered opcode. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pith/opcode.h"

static const char *const names[] = {
#define NAME_OF(name, doc) #name,
    PITH_OPCODES(NAME_OF)
#undef NAME_OF
};

/* The whole file as a NUL-terminated string (free it), or NULL. */
static char *read_all(const char *path) {
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        n += fread(buf + n, 1, cap - n, fp);
        if (n < cap) break;
        char *nb = realloc(buf, 2 * cap + 1);
        if (!nb) free(buf);
        buf = nb;
        cap *= 2;
    }
    fclose(fp);
    if (buf) buf[n] = '\0';
    return buf;
}

int main(void) {
    char *doc = read_all("docs/opcodes.md");
    if (!doc) {
        printf("FAIL cannot read docs/opcodes.md\n");
        return 1;
    }
    int failures = 0;
    for (int i = 0; i < PITH_OP_COUNT; i++) {
        char row[128];
        snprintf(row, sizeof row, "\n| %d | `%s` |", i, names[i]);
        if (!strstr(doc, row)) {
            printf("FAIL opcode %d %s has no row \"%s\" in docs/opcodes.md\n", i, names[i],
                   row + 1);
            failures++;
        }
    }
    free(doc);
    if (failures == 0) printf("opcodes documented: ok\n");
    return failures != 0;
}
