// SQLite, loaded when first needed: linking libsqlite3 cost every benchstat process ~1.1 M
// instructions and ~0.3 ms at start-up, whether or not it opens a history. Only the functions the
// history store uses are declared here (SQLite's own signatures and constants, sqlite3.h 3.x), and
// benchstat_sqlite_load() dlopen()s libsqlite3.so.0 on the first open. Only
// BenchmarkHistory/SQLiteConnection.swift imports this module.
#ifndef BENCHSTAT_CSQLITE_H
#define BENCHSTAT_CSQLITE_H

#include <stddef.h>
#include <stdint.h>

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;

#define BENCHSTAT_SQLITE_OK 0
#define BENCHSTAT_SQLITE_BUSY 5
#define BENCHSTAT_SQLITE_LOCKED 6
#define BENCHSTAT_SQLITE_CORRUPT 11
#define BENCHSTAT_SQLITE_NOTADB 26
#define BENCHSTAT_SQLITE_ROW 100
#define BENCHSTAT_SQLITE_DONE 101
#define BENCHSTAT_SQLITE_NULL 5
#define BENCHSTAT_SQLITE_OPEN_READWRITE 0x00000002
#define BENCHSTAT_SQLITE_OPEN_CREATE 0x00000004
#define BENCHSTAT_SQLITE_OPEN_NOMUTEX 0x00008000

/// Loads libsqlite3 (once; thread-safe). Returns 1 when loaded, else 0 and a reason in `error`.
int benchstat_sqlite_load(char *error, size_t length);

int benchstat_sqlite3_open_v2(const char *filename, sqlite3 **db, int flags, const char *vfs);
int benchstat_sqlite3_close_v2(sqlite3 *db);
const char *benchstat_sqlite3_errmsg(sqlite3 *db);
int benchstat_sqlite3_busy_timeout(sqlite3 *db, int ms);
/// sqlite3_exec without a callback; the error message, if any, is freed.
int benchstat_sqlite3_exec(sqlite3 *db, const char *sql);
int benchstat_sqlite3_prepare_v2(sqlite3 *db, const char *sql, int bytes, sqlite3_stmt **statement);
int benchstat_sqlite3_finalize(sqlite3_stmt *statement);
int benchstat_sqlite3_reset(sqlite3_stmt *statement);
int benchstat_sqlite3_step(sqlite3_stmt *statement);
int benchstat_sqlite3_bind_null(sqlite3_stmt *statement, int position);
int benchstat_sqlite3_bind_int64(sqlite3_stmt *statement, int position, int64_t value);
int benchstat_sqlite3_bind_double(sqlite3_stmt *statement, int position, double value);
/// Binds a copy of the text (SQLITE_TRANSIENT).
int benchstat_sqlite3_bind_text(sqlite3_stmt *statement, int position, const char *text);
/// Binds a copy of the bytes (SQLITE_TRANSIENT); zero bytes bind an empty blob.
int benchstat_sqlite3_bind_blob(sqlite3_stmt *statement, int position, const void *bytes, int count);
int64_t benchstat_sqlite3_column_int64(sqlite3_stmt *statement, int column);
double benchstat_sqlite3_column_double(sqlite3_stmt *statement, int column);
const unsigned char *benchstat_sqlite3_column_text(sqlite3_stmt *statement, int column);
const void *benchstat_sqlite3_column_blob(sqlite3_stmt *statement, int column);
int benchstat_sqlite3_column_bytes(sqlite3_stmt *statement, int column);
int benchstat_sqlite3_column_type(sqlite3_stmt *statement, int column);

#endif
