x/src/mem/alloc.o: src/mem/alloc.c src/mem/mem_internal.h \
 include/pith/gc.h include/pith/object.h include/pith/mem.h \
 include/pith/object.h
src/mem/mem_internal.h:
include/pith/gc.h:
include/pith/object.h:
include/pith/mem.h:
include/pith/object.h:
