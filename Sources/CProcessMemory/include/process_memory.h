#ifndef BENCHSTAT_PROCESS_MEMORY_H
#define BENCHSTAT_PROCESS_MEMORY_H

/// Hands the memory that malloc holds but no longer uses back to the operating system: glibc's
/// malloc_trim(0), which releases free pages in every arena (the heaps of the threads that loaded
/// and analysed the data included). Elsewhere it does nothing. Returns 1 when memory was released.
int benchstat_return_free_memory(void);

#endif
