x/src/main.o: src/main.c include/pith/run.h include/pith/object.h
include/pith/run.h:
include/pith/object.h:
