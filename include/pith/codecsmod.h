/* codecsmod.h — the _codecs module (modules/codecsmod.c) and the helpers
 * of objects/codecs.c it shares. */
#ifndef PITH_CODECSMOD_H
#define PITH_CODECSMOD_H

#include "object.h"

PithObject *pith_codecs_module_init(void);

/* Encode/decode through the codec registry (lookup() + the codec's
 * encode/decode), as str.encode/bytes.decode do for encodings that
 * objects/codecs.c does not implement natively. */
PithObject *pith_codec_registry_encode(PithObject *str, const char *encoding,
                                       const char *errors);
PithObject *pith_codec_registry_decode(const char *data, intptr_t len,
                                       const char *encoding, const char *errors);

/* Call the error handler registered under `name` (codecs.register_error)
 * for a UnicodeEncodeError (encode) or UnicodeDecodeError built from the
 * other arguments (object: the str, or bytes for decoding). Returns the
 * replacement (str, or bytes when encoding) and the position to resume at;
 * NULL with LookupError for unknown names or the handler's exception. */
PithObject *pith_codec_call_error_handler(const char *name, bool encode, const char *encoding,
                                          PithObject *object, intptr_t start, intptr_t end,
                                          const char *reason, intptr_t *newpos);

/* objects/codecs.c: UTF-16 (w=2) / UTF-32 (w=4) of fixed byte order, no BOM
 * handling; decodes all of data. */
PithObject *pith_codec_utf16_32_decode(const char *data, intptr_t len, int w, bool be,
                                       const char *errors);
/* Is the encoding one that objects/codecs.c handles itself? */
bool pith_codec_is_native(const char *encoding);

#endif
