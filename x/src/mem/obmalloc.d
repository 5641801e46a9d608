x/src/mem/obmalloc.o: src/mem/obmalloc.c src/mem/mem_internal.h \
 include/pith/mem.h
src/mem/mem_internal.h:
include/pith/mem.h:
