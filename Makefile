# pith — build, test, benchmark.
#   make              build ./pith (-O2, -Werror)
#   make CC=clang     same with clang
#   make test         unit tests + language tests; last line "N passed, N failed"
#   make asan         ./pith-asan (AddressSanitizer + UBSan); make test-asan runs the tests with it
#   make ubsan        ./pith-ubsan (UBSan only)
#   make test-gcstress the suite with a young collection at every GC allocation
#   make debug        ./pith-debug (-DPITH_DEBUG_REFS refcount/traverse checks); make test-debug
#   make bench        benchmarks vs python3 (ratios)
#   make format       clang-format the sources

CC ?= cc
OPT ?= -O2 -g
WARN = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE $(WARN) $(OPT) -Iinclude -MMD -MP $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS = -lm
BUILD ?= build
PROG ?= pith

SRCS := $(sort $(shell find src -name '*.c'))
OBJS := $(SRCS:%.c=$(BUILD)/%.o)
LIB_OBJS := $(filter-out $(BUILD)/src/main.o,$(OBJS))
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)

.PHONY: all test unit test-asan asan ubsan bench format clean objs debug test-debug test-gcstress

all: $(PROG)

$(PROG): $(OBJS)
	@echo "  LINK  $@"
	@$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS)

objs: $(OBJS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	@$(CC) $(CFLAGS_ALL) -c -o $@ $<

# Unit tests link against an archive, so each pulls in only the layers it uses.
$(BUILD)/libpith.a: $(LIB_OBJS)
	@rm -f $@
	@ar rcs $@ $^

$(BUILD)/unit/%: tests/unit/%.c $(BUILD)/libpith.a
	@mkdir -p $(dir $@)
	@echo "  UNIT  $@"
	@$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libpith.a $(LDLIBS)

unit: $(UNIT_BINS)

test: $(PROG) $(UNIT_BINS)
	@bash tools/runtests.sh ./$(PROG) $(BUILD)/unit

asan:
	$(MAKE) BUILD=build-asan PROG=pith-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined" pith-asan unit

ubsan:
	$(MAKE) BUILD=build-ubsan PROG=pith-ubsan OPT="-O1 -g" \
	  EXTRA_CFLAGS="-fsanitize=undefined -fno-sanitize-recover=undefined" pith-ubsan unit

test-asan: asan
	@ASAN_OPTIONS=detect_leaks=0 bash tools/runtests.sh ./pith-asan build-asan/unit

# The whole suite with -X gcstress semantics (PITHGCSTRESS=1): every GC
# allocation collects generation 0.
test-gcstress: $(PROG) $(UNIT_BINS)
	@PITHGCSTRESS=1 PITH_TEST_TIMEOUT=120 bash tools/runtests.sh ./$(PROG) $(BUILD)/unit

# ./pith-debug: aborts when a reference count goes negative or tp_traverse
# hands the collector something that is not a live object.
debug:
	$(MAKE) BUILD=build-debug PROG=pith-debug OPT="-O2 -g" EXTRA_CFLAGS="-DPITH_DEBUG_REFS" pith-debug unit

test-debug: debug
	@bash tools/runtests.sh ./pith-debug build-debug/unit

bench: $(PROG)
	@bash tools/bench.sh ./$(PROG)

format:
	clang-format -i $$(find src include tests/unit -name '*.[ch]')

clean:
	rm -rf build build-asan build-ubsan build-debug pith pith-asan pith-ubsan pith-debug

-include $(OBJS:.o=.d)
