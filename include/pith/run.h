/* run.h — the command line and program runners (runtime/run.c). */
#ifndef PITH_RUN_H
#define PITH_RUN_H

#include <stdio.h>
#include "object.h"

#define PITH_VERSION "3.11.7"
#define PITH_VERSION_HEX 0x030B07F0

/* The whole CLI: parse options, initialize, run, finalize; returns the exit status. */
int pith_bytes_main(int argc, char **argv);
/* Run source text as __main__ (or in the given globals). Returns 0, or -1 with an exception set. */
int pith_run_source(const char *src, size_t len, const char *filename, PithObject *globals);
/* Handle an uncaught exception at top level: SystemExit -> exit code,
 * otherwise print the traceback; returns the process exit status. */
int pith_handle_uncaught(void);
/* 3.11's "Did you mean" hint for an AttributeError/NameError instance: the
 * suggested name (new ref) or NULL; never raises (runtime/suggest.c). */
PithObject *pith_offer_suggestions(PithObject *exc);

#endif
