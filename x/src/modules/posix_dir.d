x/src/modules/posix_dir.o: src/modules/posix_dir.c src/modules/osmod.h \
 include/pith/pith.h include/pith/object.h include/pith/mem.h \
 include/pith/gc.h include/pith/state.h include/pith/exc.h \
 include/pith/abstract.h include/pith/int.h include/pith/float.h \
 include/pith/str.h include/pith/bytes.h include/pith/list.h \
 include/pith/tuple.h include/pith/dict.h include/pith/set.h \
 include/pith/range.h include/pith/descr.h include/pith/module.h \
 include/pith/code.h include/pith/traceback.h include/pith/eval.h \
 include/pith/lifecycle.h include/pith/modules.h
src/modules/osmod.h:
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
