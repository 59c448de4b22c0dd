// dlopen()s libpq on first use; see include/cpostgresql.h.
#include "cpostgresql.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static struct {
    PGconn *(*connectdbParams)(const char *const *, const char *const *, int);
    int (*status)(const PGconn *);
    char *(*errorMessage)(const PGconn *);
    void (*finish)(PGconn *);
    PGresult *(*exec)(PGconn *, const char *);
    PGresult *(*execParams)(PGconn *, const char *, int, const Oid *, const char *const *, const int *, const int *,
                            int);
    int (*resultStatus)(const PGresult *);
    char *(*resultErrorMessage)(const PGresult *);
    char *(*resultErrorField)(const PGresult *, int);
    void (*clear)(PGresult *);
    int (*ntuples)(const PGresult *);
    char *(*getvalue)(const PGresult *, int, int);
    int (*getlength)(const PGresult *, int, int);
    int (*getisnull)(const PGresult *, int, int);
    Oid (*ftype)(const PGresult *, int);
    int (*putCopyData)(PGconn *, const char *, int);
    int (*putCopyEnd)(PGconn *, const char *);
    PGresult *(*getResult)(PGconn *);
} pq;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static char reason[256] = "";

#define RESOLVE(field, name)                                                                   \
    do {                                                                                       \
        *(void **)(&pq.field) = dlsym(handle, name);                                           \
        if (!pq.field) {                                                                       \
            snprintf(reason, sizeof reason, "libpq.so.5 lacks %s", name);                      \
            return;                                                                            \
        }                                                                                      \
    } while (0)

static void load(void) {
    void *handle = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *message = dlerror();
        snprintf(reason, sizeof reason, "cannot load libpq.so.5 (install libpq5): %s", message ? message : "?");
        return;
    }
    RESOLVE(connectdbParams, "PQconnectdbParams");
    RESOLVE(status, "PQstatus");
    RESOLVE(errorMessage, "PQerrorMessage");
    RESOLVE(finish, "PQfinish");
    RESOLVE(exec, "PQexec");
    RESOLVE(execParams, "PQexecParams");
    RESOLVE(resultStatus, "PQresultStatus");
    RESOLVE(resultErrorMessage, "PQresultErrorMessage");
    RESOLVE(resultErrorField, "PQresultErrorField");
    RESOLVE(clear, "PQclear");
    RESOLVE(ntuples, "PQntuples");
    RESOLVE(getvalue, "PQgetvalue");
    RESOLVE(getlength, "PQgetlength");
    RESOLVE(getisnull, "PQgetisnull");
    RESOLVE(ftype, "PQftype");
    RESOLVE(putCopyData, "PQputCopyData");
    RESOLVE(putCopyEnd, "PQputCopyEnd");
    RESOLVE(getResult, "PQgetResult");
    loaded = 1;
}

int benchstat_pq_load(char *error, size_t length) {
    pthread_once(&once, load);
    if (!loaded && error && length > 0) {
        strncpy(error, reason, length - 1);
        error[length - 1] = 0;
    }
    return loaded;
}

// Callers load first (PostgresConnection does, before its first call).
PGconn *benchstat_PQconnectdbParams(const char *const *k, const char *const *v, int e) {
    return pq.connectdbParams(k, v, e);
}
int benchstat_PQstatus(const PGconn *c) { return pq.status(c); }
char *benchstat_PQerrorMessage(const PGconn *c) { return pq.errorMessage(c); }
void benchstat_PQfinish(PGconn *c) { pq.finish(c); }
PGresult *benchstat_PQexec(PGconn *c, const char *q) { return pq.exec(c, q); }
PGresult *benchstat_PQexecParams(PGconn *c, const char *q, int n, const Oid *t, const char *const *v, const int *l,
                                 const int *f, int r) {
    return pq.execParams(c, q, n, t, v, l, f, r);
}
int benchstat_PQresultStatus(const PGresult *r) { return pq.resultStatus(r); }
char *benchstat_PQresultErrorMessage(const PGresult *r) { return pq.resultErrorMessage(r); }
char *benchstat_PQresultErrorField(const PGresult *r, int f) { return pq.resultErrorField(r, f); }
void benchstat_PQclear(PGresult *r) {
    if (r) pq.clear(r);
}
int benchstat_PQntuples(const PGresult *r) { return pq.ntuples(r); }
char *benchstat_PQgetvalue(const PGresult *r, int t, int f) { return pq.getvalue(r, t, f); }
int benchstat_PQgetlength(const PGresult *r, int t, int f) { return pq.getlength(r, t, f); }
int benchstat_PQgetisnull(const PGresult *r, int t, int f) { return pq.getisnull(r, t, f); }
Oid benchstat_PQftype(const PGresult *r, int f) { return pq.ftype(r, f); }
int benchstat_PQputCopyData(PGconn *c, const char *b, int n) { return pq.putCopyData(c, b, n); }
int benchstat_PQputCopyEnd(PGconn *c, const char *m) { return pq.putCopyEnd(c, m); }
PGresult *benchstat_PQgetResult(PGconn *c) { return pq.getResult(c); }
