// The one header through which Swift sees SQLite (Debian: libsqlite3-dev). Only
// BenchmarkHistory/SQLiteConnection.swift imports it.
#ifndef BENCHSTAT_CSQLITE_SHIM_H
#define BENCHSTAT_CSQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT (a cast macro Swift cannot import): SQLite copies the bound bytes.
static inline sqlite3_destructor_type benchstat_sqlite_transient(void) { return SQLITE_TRANSIENT; }

#endif
