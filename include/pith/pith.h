/* pith.h — everything: include this from implementation files. */
#ifndef PITH_H
#define PITH_H

#include "object.h"
#include "mem.h"
#include "gc.h"
#include "state.h"
#include "exc.h"
#include "abstract.h"
#include "int.h"
#include "float.h"
#include "str.h"
#include "bytes.h"
#include "list.h"
#include "tuple.h"
#include "dict.h"
#include "set.h"
#include "range.h"
#include "descr.h"
#include "module.h"
#include "code.h"
#include "traceback.h"
#include "eval.h"
#include "lifecycle.h"
#include "modules.h"

#endif
