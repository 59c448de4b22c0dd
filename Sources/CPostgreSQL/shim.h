// The one header through which Swift sees libpq (Debian: libpq-dev). Only
// BenchmarkHistory/PostgresConnection.swift imports it.
#ifndef BENCHSTAT_CPOSTGRESQL_SHIM_H
#define BENCHSTAT_CPOSTGRESQL_SHIM_H

#include <libpq-fe.h>

#endif
