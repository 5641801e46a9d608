/* tbformat.h — the exception printer of runtime/tbprint.c as the native
 * `traceback` module (modules/traceback.c) uses it: text collected in the
 * chunks traceback.py's generators yield (one str per frame entry, per
 * message line, per note line, per chained-exception separator, ...), so
 * the module and sys.excepthook share one implementation. Private to those
 * two files. */
#ifndef PITH_TBFORMAT_H
#define PITH_TBFORMAT_H

#include "pith/object.h"

#include <limits.h>
#include <stdbool.h>

/* How many traceback entries to show: the first `limit` when keep_first,
 * else the last `limit` (LONG_MAX = all). */
typedef struct PithTbLimit {
    long limit;
    bool keep_first;
} PithTbLimit;

/* traceback.format_exception(): exc shown with traceback `tb` (None: no
 * traceback), then its chained exceptions (with their own tracebacks) when
 * `chain`. */
PithObject *pith_tb_format_exception(PithObject *exc, PithObject *tb, PithTbLimit limit,
                                     bool chain);
/* traceback.format_exception_only() for an exception instance. */
PithObject *pith_tb_format_exception_only(PithObject *exc);
/* StackSummary.format() of a traceback object. */
PithObject *pith_tb_format_tb(PithObject *tb, PithTbLimit limit);
/* StackSummary.format() of a list of frame objects, outermost first. */
PithObject *pith_tb_format_frames(PithObject *frames);
/* StackSummary.format() of a list of 7-tuples (filename, lineno, name,
 * line, end_lineno, colno, end_colno): line None = read from the file,
 * positions None = no carets. The list must not change meanwhile. */
PithObject *pith_tb_format_entries(PithObject *rows);
/* Source line `lineno` of a file without its line end (new ref), or NULL
 * without an exception when unavailable. */
PithObject *pith_tb_source_line(PithObject *filename, int lineno);

#endif
