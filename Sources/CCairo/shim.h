#ifndef NNREPORT_CCAIRO_SHIM_H
#define NNREPORT_CCAIRO_SHIM_H
#include <ft2build.h>
#include FT_FREETYPE_H
#include <cairo/cairo.h>
#include <cairo/cairo-ft.h>
#include <cairo/cairo-pdf.h>
#include <cairo/cairo-svg.h>
#endif
