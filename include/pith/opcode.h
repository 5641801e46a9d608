#include <stdint.h>
/* opcode.h — pith's instruction set: the contract between the compiler
 * (src/compiler/) and the VM (src/vm/eval.c).
 *
 * Encoding: one 32-bit word per instruction: opcode = w & 0xFF,
 * arg = w >> 8 (0..16777215). Jump targets are absolute instruction
 * indices. "Stack: a b -> c" lists the top of stack last.
 *
 * Calls (3.11-style): a call site leaves two slots under the arguments:
 *   [NULL, callable, args...]   (PUSH_NULL; <callable>; <args>)   or
 *   [method, self, args...]     (LOAD_METHOD found an unbound method).
 * CALL n: if the lower slot is NULL, callable = upper slot and there are n
 * arguments; otherwise callable = lower slot and the arguments are
 * upper slot + the n args (n+1 in all). A KW_NAMES before CALL names the
 * last len(kwnames) arguments as keywords.
 *
 * Exceptions use a block stack per frame (at most PITH_MAX_BLOCKS static
 * nesting; the compiler raises SyntaxError "too many statically nested
 * blocks" beyond it). Block kinds: FINALLY (pushed by SETUP_FINALLY /
 * SETUP_WITH, with a handler target and the stack level) and
 * EXCEPT_HANDLER (pushed by the VM when it enters a handler).
 * When an exception is raised in a frame:
 *   1. unless the instruction was RERAISE, a traceback entry for this frame
 *      (current instruction's line) is added;
 *   2. blocks are popped: an EXCEPT_HANDLER block b unwinds the value stack
 *      to b.level + 1, pops the saved previous handled exception and
 *      restores it as tstate->handled_exc; a FINALLY block b unwinds the
 *      stack to b.level, pushes EXCEPT_HANDLER(level = b.level), pushes the
 *      previously handled exception (None if none), pushes the exception,
 *      makes it tstate->handled_exc and jumps to b.handler. So a handler
 *      starts with stack: ... prev_exc exc;
 *   3. with no FINALLY block left, the frame is popped and the exception
 *      propagates to the caller.
 */
#ifndef PITH_OPCODE_H
#define PITH_OPCODE_H

#define PITH_MAX_BLOCKS 20

#define PITH_OP_WORD(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define PITH_OP_OF(w) ((w) & 0xFF)
#define PITH_ARG_OF(w) ((w) >> 8)
#define PITH_ARG_MAX 0xFFFFFF

/* X(name, doc) — doc is "arg; stack effect". Order defines the numbers. */
#define PITH_OPCODES(X)                                                        \
    X(NOP, "-; -")                                                             \
    X(POP_TOP, "-; a ->")                                                      \
    X(PUSH_NULL, "-; -> NULL")                                                 \
    X(COPY, "n>=1; push a copy of stack[-n] (COPY 1 = dup)")                  \
    X(SWAP, "n>=2; swap TOS with stack[-n]")                                   \
    X(LOAD_CONST, "consti; -> co_consts[i]")                                   \
    X(LOAD_FAST, "var#; -> local (UnboundLocalError if unset)")                \
    X(STORE_FAST, "var#; v ->")                                                \
    X(DELETE_FAST, "var#; - (UnboundLocalError if unset)")                     \
    X(LOAD_DEREF, "cell#; -> cell contents (cells then frees)")                \
    X(STORE_DEREF, "cell#; v ->")                                              \
    X(DELETE_DEREF, "cell#; -")                                                \
    X(LOAD_CLOSURE, "cell#; -> the cell object itself")                        \
    X(LOAD_CLASSDEREF, "cell#; -> locals dict entry, else cell contents")      \
    X(LOAD_GLOBAL, "namei; -> globals[name], else builtins (NameError)")       \
    X(STORE_GLOBAL, "namei; v ->")                                             \
    X(DELETE_GLOBAL, "namei; -")                                               \
    X(LOAD_NAME, "namei; -> locals, globals, then builtins")                   \
    X(STORE_NAME, "namei; v -> (into locals mapping)")                         \
    X(DELETE_NAME, "namei; -")                                                 \
    X(LOAD_ATTR, "namei; o -> o.name")                                         \
    X(STORE_ATTR, "namei; v o -> (o.name = v)")                                \
    X(DELETE_ATTR, "namei; o ->")                                              \
    X(LOAD_METHOD, "namei; o -> meth o | NULL o.name")                         \
    X(BINARY_SUBSCR, "-; c k -> c[k]")                                         \
    X(STORE_SUBSCR, "-; v c k -> (c[k] = v)")                                  \
    X(DELETE_SUBSCR, "-; c k ->")                                              \
    X(BUILD_SLICE, "2|3; a b [c] -> slice")                                    \
    X(BINARY_OP, "PITH_NB_* (abstract.h); a b -> a op b")                      \
    X(UNARY_NEGATIVE, "-; a -> -a")                                            \
    X(UNARY_POSITIVE, "-; a -> +a")                                            \
    X(UNARY_NOT, "-; a -> not a")                                              \
    X(UNARY_INVERT, "-; a -> ~a")                                              \
    X(COMPARE_OP, "PITH_LT..PITH_GE; a b -> a cmp b")                          \
    X(IS_OP, "invert; a b -> (a is b) ^ invert")                               \
    X(CONTAINS_OP, "invert; a b -> (a in b) ^ invert")                         \
    X(JUMP, "target; -")                                                       \
    X(POP_JUMP_IF_FALSE, "target; a ->")                                       \
    X(POP_JUMP_IF_TRUE, "target; a ->")                                        \
    X(POP_JUMP_IF_NONE, "target; a ->")                                        \
    X(POP_JUMP_IF_NOT_NONE, "target; a ->")                                    \
    X(JUMP_IF_FALSE_OR_POP, "target; a -> a (jump) | - (no jump)")             \
    X(JUMP_IF_TRUE_OR_POP, "target; a -> a (jump) | - (no jump)")              \
    X(GET_ITER, "-; o -> iter(o)")                                             \
    X(FOR_ITER, "target; it -> it next | (exhausted: pop it, jump)")           \
    X(BUILD_TUPLE, "n; x1..xn -> tuple")                                       \
    X(BUILD_LIST, "n; x1..xn -> list")                                         \
    X(BUILD_SET, "n; x1..xn -> set")                                           \
    X(BUILD_MAP, "n; k1 v1..kn vn -> dict")                                    \
    X(BUILD_CONST_KEY_MAP, "n; v1..vn keys_tuple -> dict")                     \
    X(BUILD_STRING, "n; s1..sn -> concatenated str")                           \
    X(LIST_APPEND, "i; (list at stack[-i] after pop) v ->")                    \
    X(SET_ADD, "i; (set at stack[-i] after pop) v ->")                         \
    X(MAP_ADD, "i; (dict at stack[-i] after pops) k v ->")                     \
    X(LIST_EXTEND, "i; (list at stack[-i] after pop) iterable ->")             \
    X(SET_UPDATE, "i; (set at stack[-i] after pop) iterable ->")               \
    X(DICT_UPDATE, "i; (dict at stack[-i] after pop) mapping ->")              \
    X(DICT_MERGE, "i; like DICT_UPDATE, error on duplicate keys (calls)")      \
    X(LIST_TO_TUPLE, "-; list -> tuple")                                       \
    X(UNPACK_SEQUENCE, "n; seq -> xn..x1 (x1 on top)")                         \
    X(UNPACK_EX, "before|after<<8; seq -> after.. list before.. (first on top)") \
    X(FORMAT_VALUE, "flags&3: 0 -,1 str,2 repr,3 ascii; flags&4: spec on top; v [spec] -> str") \
    X(MAKE_FUNCTION, "flags 1 defaults tuple,2 kwdefaults dict,4 annotations tuple (name1, value1, ...),8 closure tuple of cells; [d][kwd][ann][clo] code -> func") \
    X(CALL, "n; see header comment")                                           \
    X(KW_NAMES, "consti; - (kwnames tuple for the next CALL)")                 \
    X(CALL_FUNCTION_EX, "flags&1 kwargs; NULL f args_tuple [kwargs_dict] -> result") \
    X(RETURN_VALUE, "-; v -> (returns v)")                                     \
    X(RAISE_VARARGS, "0 re-raise,1 raise exc,2 raise exc from cause; [exc [cause]] ->") \
    X(SETUP_FINALLY, "target; - (push FINALLY block)")                        \
    X(POP_BLOCK, "-; - (pop the top block)")                                   \
    X(POP_EXCEPT, "-; prev_exc -> (pop EXCEPT_HANDLER block, restore handled exc)") \
    X(RERAISE, "-; exc -> (re-raise exc without a new traceback entry)")       \
    X(CHECK_EXC_MATCH, "-; exc type -> exc bool (TypeError if type invalid)")  \
    X(SETUP_WITH, "target; mgr -> exit enter_result (FINALLY block, level below enter_result)") \
    X(WITH_EXCEPT_START, "-; exit prev exc -> exit prev exc exit(type,exc,tb)") \
    X(LOAD_ASSERTION_ERROR, "-; -> AssertionError")                            \
    X(LOAD_BUILD_CLASS, "-; -> builtins.__build_class__")                      \
    X(SETUP_ANNOTATIONS, "-; - (ensure __annotations__ dict in locals)")       \
    X(IMPORT_NAME, "namei; level fromlist -> module")                          \
    X(IMPORT_FROM, "namei; m -> m value")                                      \
    X(IMPORT_STAR, "-; m -> (names into locals)")                              \
    X(PRINT_EXPR, "-; v -> (sys.displayhook(v), interactive mode)")            \
    X(GEN_START, "-; sent -> (first instruction of a generator: drop None)")  \
    X(YIELD_VALUE, "1 = an async generator's own yield, else 0; v -> sent (suspends the frame)") \
    X(GET_YIELD_FROM_ITER, "-; o -> iter (generators/coroutines kept)")        \
    X(SEND, "target; sub v -> sub r | (StopIteration: value, jump)")          \
    X(GET_AWAITABLE, "where; o -> awaitable iterator")                         \
    X(GET_LEN, "-; o -> o len(o)")                                             \
    X(MATCH_MAPPING, "-; o -> o bool")                                         \
    X(MATCH_SEQUENCE, "-; o -> o bool")                                        \
    X(MATCH_KEYS, "-; o keys -> o keys values_tuple|None")                     \
    X(MATCH_CLASS, "n positional; subject cls names -> attrs_tuple|None")      \
    X(RETURN_GENERATOR, "-; reserved")                                         \
    X(CHECK_EG_MATCH, "-; exc type -> exc None (no match) | rest match (handled exc = match)") \
    X(PREP_RERAISE_STAR, "-; orig excs_list -> exc to raise | None")            \
    X(GET_AITER, "-; o -> o.__aiter__()")                                      \
    X(GET_ANEXT, "-; aiter -> aiter awaitable(aiter.__anext__())")             \
    X(END_ASYNC_FOR, "-; aiter prev exc -> (StopAsyncIteration: pop block, restore prev) | re-raise") \
    X(BEFORE_ASYNC_WITH, "-; mgr -> exit awaitable(mgr.__aenter__())")

typedef enum {
#define PITH_OP_ENUM(name, doc) PITH_OP_##name,
    PITH_OPCODES(PITH_OP_ENUM)
#undef PITH_OP_ENUM
    PITH_OP_COUNT
} PithOpcode;

extern const char *const pith_opcode_names[PITH_OP_COUNT]; /* compiler/code.c */

#endif
