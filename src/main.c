/* main.c — the program is a thin shell around one entry of the runtime. */
#include "pith/run.h"

int main(int argc, char **argv) { return pith_bytes_main(argc, argv); }
