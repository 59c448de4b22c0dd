#ifndef BENCHSTAT_NUMBER_TEXT_H
#define BENCHSTAT_NUMBER_TEXT_H

#include <stddef.h>

/// Writes `value` through the printf conversion `format` (one double, such as "%.1e" or "%.3g")
/// into `buffer` with the C library's snprintf (the process never calls setlocale, so the C
/// locale applies). Returns snprintf's result: the length the text needs, or a negative value.
int benchstat_format_double(char *buffer, size_t size, const char *format, double value);

/// `snprintf(buffer, size, "%.*f", decimals, value)`: `value` with `decimals` digits after the point.
int benchstat_format_fixed(char *buffer, size_t size, int decimals, double value);

#endif
