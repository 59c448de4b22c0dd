// libpq, loaded when first needed. Linking libpq at build time made every benchstat process load it
// and its ~20 dependencies (OpenSSL, Kerberos, LDAP, SASL…) at start-up: +11.6 M instructions and
// ~4 ms for a process that never touches PostgreSQL. So only the functions the history store uses
// are declared here (with libpq's own signatures and the values of its enums), and
// benchstat_pq_load() dlopen()s libpq.so.5 on the first connection. Only
// BenchmarkHistory/PostgresConnection.swift imports this module.
#ifndef BENCHSTAT_CPOSTGRESQL_H
#define BENCHSTAT_CPOSTGRESQL_H

#include <stddef.h>

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef unsigned int Oid;

// libpq-fe.h: ConnStatusType CONNECTION_OK; ExecStatusType values; PG_DIAG_SQLSTATE.
#define BENCHSTAT_CONNECTION_OK 0
#define BENCHSTAT_PGRES_COMMAND_OK 1
#define BENCHSTAT_PGRES_TUPLES_OK 2
#define BENCHSTAT_PGRES_COPY_IN 4
#define BENCHSTAT_PG_DIAG_SQLSTATE 67

/// Loads libpq (once; thread-safe). Returns 1 when loaded, else 0 and a reason in `error`.
int benchstat_pq_load(char *error, size_t length);

PGconn *benchstat_PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname);
int benchstat_PQstatus(const PGconn *conn);
char *benchstat_PQerrorMessage(const PGconn *conn);
void benchstat_PQfinish(PGconn *conn);
PGresult *benchstat_PQexec(PGconn *conn, const char *query);
PGresult *benchstat_PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                                 const char *const *paramValues, const int *paramLengths, const int *paramFormats,
                                 int resultFormat);
int benchstat_PQresultStatus(const PGresult *res);
char *benchstat_PQresultErrorMessage(const PGresult *res);
char *benchstat_PQresultErrorField(const PGresult *res, int fieldcode);
void benchstat_PQclear(PGresult *res);
int benchstat_PQntuples(const PGresult *res);
char *benchstat_PQgetvalue(const PGresult *res, int tup_num, int field_num);
int benchstat_PQgetlength(const PGresult *res, int tup_num, int field_num);
int benchstat_PQgetisnull(const PGresult *res, int tup_num, int field_num);
Oid benchstat_PQftype(const PGresult *res, int field_num);
int benchstat_PQputCopyData(PGconn *conn, const char *buffer, int nbytes);
int benchstat_PQputCopyEnd(PGconn *conn, const char *errormsg);
PGresult *benchstat_PQgetResult(PGconn *conn);

#endif
