// dlopen()s libsqlite3 on first use; see include/csqlite.h.
#include "csqlite.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

typedef void (*destructor)(void *);
#define TRANSIENT ((destructor)-1)

static struct {
    int (*open_v2)(const char *, sqlite3 **, int, const char *);
    int (*close_v2)(sqlite3 *);
    const char *(*errmsg)(sqlite3 *);
    int (*busy_timeout)(sqlite3 *, int);
    int (*exec)(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *, char **);
    void (*free)(void *);
    int (*prepare_v2)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **);
    int (*finalize)(sqlite3_stmt *);
    int (*reset)(sqlite3_stmt *);
    int (*step)(sqlite3_stmt *);
    int (*bind_null)(sqlite3_stmt *, int);
    int (*bind_int64)(sqlite3_stmt *, int, int64_t);
    int (*bind_double)(sqlite3_stmt *, int, double);
    int (*bind_text)(sqlite3_stmt *, int, const char *, int, destructor);
    int (*bind_blob)(sqlite3_stmt *, int, const void *, int, destructor);
    int64_t (*column_int64)(sqlite3_stmt *, int);
    double (*column_double)(sqlite3_stmt *, int);
    const unsigned char *(*column_text)(sqlite3_stmt *, int);
    const void *(*column_blob)(sqlite3_stmt *, int);
    int (*column_bytes)(sqlite3_stmt *, int);
    int (*column_type)(sqlite3_stmt *, int);
} lite;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static char reason[256] = "";

#define RESOLVE(field, name)                                                                   \
    do {                                                                                       \
        *(void **)(&lite.field) = dlsym(handle, name);                                         \
        if (!lite.field) {                                                                     \
            snprintf(reason, sizeof reason, "libsqlite3.so.0 lacks %s", name);                 \
            return;                                                                            \
        }                                                                                      \
    } while (0)

static void load(void) {
    void *handle = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *message = dlerror();
        snprintf(reason, sizeof reason, "cannot load libsqlite3.so.0 (install libsqlite3-0): %s",
                 message ? message : "?");
        return;
    }
    RESOLVE(open_v2, "sqlite3_open_v2");
    RESOLVE(close_v2, "sqlite3_close_v2");
    RESOLVE(errmsg, "sqlite3_errmsg");
    RESOLVE(busy_timeout, "sqlite3_busy_timeout");
    RESOLVE(exec, "sqlite3_exec");
    RESOLVE(free, "sqlite3_free");
    RESOLVE(prepare_v2, "sqlite3_prepare_v2");
    RESOLVE(finalize, "sqlite3_finalize");
    RESOLVE(reset, "sqlite3_reset");
    RESOLVE(step, "sqlite3_step");
    RESOLVE(bind_null, "sqlite3_bind_null");
    RESOLVE(bind_int64, "sqlite3_bind_int64");
    RESOLVE(bind_double, "sqlite3_bind_double");
    RESOLVE(bind_text, "sqlite3_bind_text");
    RESOLVE(bind_blob, "sqlite3_bind_blob");
    RESOLVE(column_int64, "sqlite3_column_int64");
    RESOLVE(column_double, "sqlite3_column_double");
    RESOLVE(column_text, "sqlite3_column_text");
    RESOLVE(column_blob, "sqlite3_column_blob");
    RESOLVE(column_bytes, "sqlite3_column_bytes");
    RESOLVE(column_type, "sqlite3_column_type");
    loaded = 1;
}

int benchstat_sqlite_load(char *error, size_t length) {
    pthread_once(&once, load);
    if (!loaded && error && length > 0) {
        strncpy(error, reason, length - 1);
        error[length - 1] = 0;
    }
    return loaded;
}

int benchstat_sqlite3_open_v2(const char *f, sqlite3 **d, int flags, const char *v) {
    return lite.open_v2(f, d, flags, v);
}
int benchstat_sqlite3_close_v2(sqlite3 *d) { return lite.close_v2(d); }
const char *benchstat_sqlite3_errmsg(sqlite3 *d) { return lite.errmsg(d); }
int benchstat_sqlite3_busy_timeout(sqlite3 *d, int ms) { return lite.busy_timeout(d, ms); }
int benchstat_sqlite3_exec(sqlite3 *d, const char *sql) {
    char *message = NULL;
    int status = lite.exec(d, sql, NULL, NULL, &message);
    if (message) lite.free(message);
    return status;
}
int benchstat_sqlite3_prepare_v2(sqlite3 *d, const char *sql, int n, sqlite3_stmt **s) {
    return lite.prepare_v2(d, sql, n, s, NULL);
}
int benchstat_sqlite3_finalize(sqlite3_stmt *s) { return lite.finalize(s); }
int benchstat_sqlite3_reset(sqlite3_stmt *s) { return lite.reset(s); }
int benchstat_sqlite3_step(sqlite3_stmt *s) { return lite.step(s); }
int benchstat_sqlite3_bind_null(sqlite3_stmt *s, int p) { return lite.bind_null(s, p); }
int benchstat_sqlite3_bind_int64(sqlite3_stmt *s, int p, int64_t v) { return lite.bind_int64(s, p, v); }
int benchstat_sqlite3_bind_double(sqlite3_stmt *s, int p, double v) { return lite.bind_double(s, p, v); }
int benchstat_sqlite3_bind_text(sqlite3_stmt *s, int p, const char *t) { return lite.bind_text(s, p, t, -1, TRANSIENT); }
int benchstat_sqlite3_bind_blob(sqlite3_stmt *s, int p, const void *b, int n) {
    static const char empty = 0;
    return lite.bind_blob(s, p, b ? b : &empty, n, TRANSIENT);
}
int64_t benchstat_sqlite3_column_int64(sqlite3_stmt *s, int c) { return lite.column_int64(s, c); }
double benchstat_sqlite3_column_double(sqlite3_stmt *s, int c) { return lite.column_double(s, c); }
const unsigned char *benchstat_sqlite3_column_text(sqlite3_stmt *s, int c) { return lite.column_text(s, c); }
const void *benchstat_sqlite3_column_blob(sqlite3_stmt *s, int c) { return lite.column_blob(s, c); }
int benchstat_sqlite3_column_bytes(sqlite3_stmt *s, int c) { return lite.column_bytes(s, c); }
int benchstat_sqlite3_column_type(sqlite3_stmt *s, int c) { return lite.column_type(s, c); }
