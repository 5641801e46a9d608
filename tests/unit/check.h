/* check.h — minimal assertion helpers for pith's C unit tests. Each test
 * is a program: it prints "FAIL file:line: expr" per failed check and
 * exits non-zero if any failed. */
#ifndef PITH_CHECK_H
#define PITH_CHECK_H

#include <stdio.h>

static int check_failures;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);             \
            check_failures++;                                                  \
        }                                                                      \
    } while (0)

static inline int check_report(const char *name) {
    printf("%s: %s\n", name, check_failures ? "FAILED" : "ok");
    return check_failures != 0;
}

#endif
