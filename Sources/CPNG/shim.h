#ifndef NNREPORT_CPNG_SHIM_H
#define NNREPORT_CPNG_SHIM_H
#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

// libpng reports errors by longjmp to a setjmp in the caller, which Swift cannot express.
// These wrappers keep the setjmp and every libpng call in one C frame and hand back a status
// and libpng's own message instead.

/// Growable output buffer the encoder writes the PNG stream into; free `data` with free().
typedef struct {
    unsigned char *data;
    size_t size;
    size_t capacity;
} CPNG_Buffer;

/// One text chunk: Latin-1 `text` as tEXt, or UTF-8 `text` as iTXt when `international`.
typedef struct {
    const char *key;
    const char *text;
    int international;
} CPNG_TextChunk;

enum { CPNG_MESSAGE_SIZE = 256 };

// Composite macros Swift does not import.
enum {
    CPNG_FORMAT_RGBA = PNG_FORMAT_RGBA,
    CPNG_ALL_FILTERS = PNG_ALL_FILTERS,
    CPNG_STRATEGY_DEFAULT = Z_DEFAULT_STRATEGY,
    CPNG_STRATEGY_FILTERED = Z_FILTERED,
    CPNG_STRATEGY_RLE = Z_RLE,
};

static inline void CPNG_writeData(png_structp png, png_bytep data, size_t length) {
    CPNG_Buffer *buffer = (CPNG_Buffer *)png_get_io_ptr(png);
    if (buffer->size + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 65536;
        while (capacity < buffer->size + length) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(buffer->data, capacity);
        if (!grown) png_error(png, "out of memory while growing the PNG output buffer");
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->size, data, length);
    buffer->size += length;
}

static inline void CPNG_flush(png_structp png) { (void)png; }

static inline void CPNG_error(png_structp png, png_const_charp message) {
    char *out = (char *)png_get_error_ptr(png);
    strncpy(out, message ? message : "unknown libpng error", CPNG_MESSAGE_SIZE - 1);
    out[CPNG_MESSAGE_SIZE - 1] = 0;
    png_longjmp(png, 1);
}

static inline void CPNG_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

/// Encodes opaque 8-bit RGB from rows of 32-bit native-endian 0xXXRRGGBB words (Cairo's
/// RGB24/ARGB32 layout), dropping the unused byte. `filters` is a PNG_FILTER_* mask, `level`
/// a zlib level 0-9, `strategy` a zlib strategy. Returns 1 on success; on failure 0 with
/// libpng's message in `message` (CPNG_MESSAGE_SIZE bytes).
static inline int CPNG_encodeXRGB32(
    const unsigned char *pixels, uint32_t width, uint32_t height, size_t stride, int level, int filters,
    int strategy, const CPNG_TextChunk *chunks, int chunkCount, CPNG_Buffer *out, char *message) {
    message[0] = 0;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, message, CPNG_error, CPNG_warning);
    if (!png) {
        strncpy(message, "png_create_write_struct failed", CPNG_MESSAGE_SIZE - 1);
        return 0;
    }
    png_infop info = png_create_info_struct(png);
    png_bytep *rows = (png_bytep *)malloc(sizeof(png_bytep) * (height ? height : 1));
    png_text *texts = (png_text *)calloc(chunkCount > 0 ? (size_t)chunkCount : 1, sizeof(png_text));
    if (!info || !rows || !texts) {
        png_destroy_write_struct(&png, info ? &info : NULL);
        free(rows);
        free(texts);
        strncpy(message, "out of memory before encoding", CPNG_MESSAGE_SIZE - 1);
        return 0;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(rows);
        free(texts);
        return 0;
    }
    png_set_write_fn(png, out, CPNG_writeData, CPNG_flush);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, level);
    png_set_compression_strategy(png, strategy);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    for (int i = 0; i < chunkCount; i++) {
        texts[i].key = (png_charp)chunks[i].key;
        texts[i].text = (png_charp)chunks[i].text;
        texts[i].text_length = strlen(chunks[i].text);
        if (chunks[i].international) {
            texts[i].compression = PNG_ITXT_COMPRESSION_NONE;
            texts[i].lang = (png_charp) "";
            texts[i].lang_key = (png_charp) "";
            texts[i].itxt_length = texts[i].text_length;
            texts[i].text_length = 0;
        } else {
            texts[i].compression = PNG_TEXT_COMPRESSION_NONE;
        }
    }
    if (chunkCount > 0) png_set_text(png, info, texts, chunkCount);
    png_write_info(png, info);
    const uint32_t probe = 1;
    if (*(const unsigned char *)&probe == 1) {
        // Little-endian words 0xXXRRGGBB are bytes B, G, R, X in memory.
        png_set_bgr(png);
        png_set_filler(png, 0, PNG_FILLER_AFTER);
    } else {
        png_set_filler(png, 0, PNG_FILLER_BEFORE);
    }
    for (uint32_t y = 0; y < height; y++) rows[y] = (png_bytep)(pixels + (size_t)y * stride);
    png_write_image(png, rows);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(rows);
    free(texts);
    return 1;
}
#endif
