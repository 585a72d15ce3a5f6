#ifndef NNREPORT_CZLIB_SHIM_H
#define NNREPORT_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro in zlib.h; Swift cannot call macros, so wrap it.
static inline int CZlib_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

/// `deflateInit2` is a macro in zlib.h; Swift cannot call macros, so wrap it.
static inline int CZlib_deflateInit2(z_streamp stream, int level, int windowBits, int memLevel) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY);
}
#endif
