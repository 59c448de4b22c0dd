// The one header through which Swift sees the GNU Scientific Library.
#ifndef BENCHSTAT_CGSL_SHIM_H
#define BENCHSTAT_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_integration.h>

/// GSL's Mersenne Twister type, read through a function: Swift 6 sees the global
/// `gsl_rng_mt19937` as shared mutable state, though GSL never writes it.
static inline const gsl_rng_type *benchstat_rng_mt19937(void) { return gsl_rng_mt19937; }

#endif
