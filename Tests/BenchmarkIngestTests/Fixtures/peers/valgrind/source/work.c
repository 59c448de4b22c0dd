/* Tiny real computations for callgrind/cachegrind fixtures.
 * Compile with -DHEAD=1 for "head": sort_ints and count_words process ~10%
 * more input; fnv_hash is identical in both variants. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef HEAD
#define HEAD 0
#endif
#define SCALE(n) (HEAD ? (n) + (n) / 10 : (n))

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

__attribute__((noinline)) uint32_t sort_ints(size_t n) {
  uint32_t *v = malloc(n * sizeof *v);
  uint32_t x = 1;
  for (size_t i = 0; i < n; i++) { x = x * 1664525u + 1013904223u; v[i] = x >> 8; }
  qsort(v, n, sizeof *v, cmp_u32);
  uint32_t r = v[n / 2];
  free(v);
  return r;
}

__attribute__((noinline)) uint64_t fnv_hash(size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) { h ^= (unsigned char)('a' + i % 26); h *= 1099511628211ull; }
  return h;
}

__attribute__((noinline)) size_t count_words(size_t words) {
  char *text = malloc(words * 8 + 1);
  size_t len = 0;
  for (size_t i = 0; i < words; i++) len += (size_t)sprintf(text + len, "w%zu ", i % 257);
  size_t count = 0;
  int in_word = 0;
  for (size_t i = 0; i < len; i++) {
    if (text[i] == ' ') in_word = 0;
    else if (!in_word) { in_word = 1; count++; }
  }
  free(text);
  return count;
}

int main(void) {
  uint32_t s = sort_ints(SCALE(20000));
  uint64_t h = fnv_hash(100000);
  size_t w = count_words(SCALE(5000));
  printf("%u %llu %zu\n", s, (unsigned long long)h, w);
  return 0;
}
