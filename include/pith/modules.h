/* modules.h — builtin modules (src/modules/). */
#ifndef PITH_MODULES_H
#define PITH_MODULES_H

#include "object.h"

PithObject *pith_builtins_module_init(void); /* modules/builtins.c */
PithObject *pith_sys_module_init(void);      /* modules/sys.c */
/* sys.stdout / sys.stderr as objects (borrowed from sys), or NULL. */
PithObject *pith_sys_get_object(const char *name);
/* Write a C string to sys.stderr (falls back to C stderr). */
void pith_sys_write_stderr(const char *s);
/* print(obj) to a stream object: file.write(str(obj)). */
int pith_file_write_object(PithObject *obj, PithObject *file, bool raw_str);
int pith_file_write_string(const char *s, PithObject *file);

#endif
