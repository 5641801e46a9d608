x/src/mem/raw.o: src/mem/raw.c src/mem/mem_internal.h include/pith/mem.h
src/mem/mem_internal.h:
include/pith/mem.h:
