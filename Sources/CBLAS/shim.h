#ifndef NNREPORT_CBLAS_SHIM_H
#define NNREPORT_CBLAS_SHIM_H
#include <cblas.h>
#endif
