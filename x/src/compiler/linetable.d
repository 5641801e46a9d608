x/src/compiler/linetable.o: src/compiler/linetable.c \
 include/pith/linetable.h include/pith/mem.h
include/pith/linetable.h:
include/pith/mem.h:
