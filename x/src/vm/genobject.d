x/src/vm/genobject.o: src/vm/genobject.c src/vm/vm_internal.h \
 include/pith/pith.h include/pith/object.h include/pith/mem.h \
 include/pith/gc.h include/pith/state.h include/pith/exc.h \
 include/pith/abstract.h include/pith/int.h include/pith/float.h \
 include/pith/str.h include/pith/bytes.h include/pith/list.h \
 include/pith/tuple.h include/pith/dict.h include/pith/set.h \
 include/pith/range.h include/pith/descr.h include/pith/module.h \
 include/pith/code.h include/pith/traceback.h include/pith/eval.h \
 include/pith/lifecycle.h include/pith/modules.h include/pith/frame.h \
 include/pith/opcode.h include/pith/func.h
src/vm/vm_internal.h:
include/pith/pith.h:
include/pith/object.h:
include/pith/mem.h:
include/pith/gc.h:
include/pith/state.h:
include/pith/exc.h:
include/pith/abstract.h:
include/pith/int.h:
include/pith/float.h:
include/pith/str.h:
include/pith/bytes.h:
include/pith/list.h:
include/pith/tuple.h:
include/pith/dict.h:
include/pith/set.h:
include/pith/range.h:
include/pith/descr.h:
include/pith/module.h:
include/pith/code.h:
include/pith/traceback.h:
include/pith/eval.h:
include/pith/lifecycle.h:
include/pith/modules.h:
include/pith/frame.h:
include/pith/opcode.h:
include/pith/func.h:
