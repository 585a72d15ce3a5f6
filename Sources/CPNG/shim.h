#ifndef NNREPORT_CPNG_SHIM_H
#define NNREPORT_CPNG_SHIM_H
#include <png.h>
#endif
