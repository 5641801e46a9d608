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

/* objects/codecs.c: UTF-16 (w=2) / UTF-32 (w=4) of fixed byte order, no BOM
 * handling; decodes all of data. */
PithObject *pith_codec_utf16_32_decode(const char *data, intptr_t len, int w, bool be,
                                       const char *errors);
/* Is the encoding one that objects/codecs.c handles itself? */
bool pith_codec_is_native(const char *encoding);

#endif
