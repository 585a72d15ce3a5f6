#ifndef NNREPORT_CSQLITE_SHIM_H
#define NNREPORT_CSQLITE_SHIM_H
#include <sqlite3.h>

/// `SQLITE_TRANSIENT` is a macro casting -1 to a destructor pointer; Swift cannot use it.
static inline sqlite3_destructor_type CSQLite_transient(void) {
    return SQLITE_TRANSIENT;
}
#endif
