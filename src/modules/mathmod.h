/* mathmod.h — the parts of the math module split across files:
 * math.c (floating point) and math_int.c (integer functions). */
#ifndef PITH_MODULES_MATHMOD_H
#define PITH_MODULES_MATHMOD_H

#include "pith/pith.h"

extern PithMethodDef pith_math_int_methods[]; /* math_int.c */
PithObject *pith_math_module_init(void);      /* math.c */

#endif
