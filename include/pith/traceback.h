/* traceback.h — traceback objects and the printer (vm/traceback.c creates
 * them as exceptions unwind; runtime/tbprint.c prints them). */
#ifndef PITH_TRACEBACK_H
#define PITH_TRACEBACK_H

#include "object.h"
#include "code.h"

typedef struct PithTraceback {
    PithObject ob;
    PithObject *tb_next;  /* PithTraceback* or NULL */
    PithObject *tb_frame; /* frame object */
    int tb_lasti;         /* instruction index */
    int tb_lineno;
} PithTraceback;

extern PithType pith_traceback_type, pith_frame_type;

/* Frame objects (vm/frame.c): what a traceback entry needs. */
PithCode *pith_frame_object_code(PithObject *frame);   /* borrowed */
PithObject *pith_frame_object_globals(PithObject *frame); /* borrowed */

/* Prepend an entry for `frame` (a frame object) at instruction `lasti` to
 * the traceback of the currently propagating exception. */
int pith_traceback_add(PithObject *frame, int lasti, int lineno);

/* Print exc (with chained causes/contexts, 3.11 format) to the stream
 * object `file` (has .write), or to C stderr if file is NULL. */
int pith_exc_display(PithObject *exc, PithObject *file);
/* Format exc as a list of str lines, like traceback.format_exception(). */
PithObject *pith_exc_format_lines(PithObject *exc);

#endif
