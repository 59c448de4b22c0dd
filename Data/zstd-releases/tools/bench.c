/* A benchmark of one zstd build: compress or decompress one input at one level.
 *
 *   bench NAME MODE LEVEL FILE ITERATIONS SAMPLES
 *
 * MODE is c (compress) or d (decompress the compressed input). Prints SAMPLES canonical JSON Lines
 * of walltime (ns per iteration, each the mean of ITERATIONS calls, monotonic clock) for benchmark
 * NAME. Under callgrind, run with ITERATIONS=1 SAMPLES=1 and --toggle-collect on the measured
 * function (ZSTD_compressCCtx or ZSTD_decompressDCtx): the count is then exactly one call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "zstd.h"

int main(int argc, char **argv) {
    if (argc != 7) { fprintf(stderr, "usage: bench NAME c|d LEVEL FILE ITERATIONS SAMPLES\n"); return 2; }
    const char *name = argv[1];
    int decompress = argv[2][0] == 'd';
    int level = atoi(argv[3]);
    int iterations = atoi(argv[5]), samples = atoi(argv[6]);
    FILE *f = fopen(argv[4], "rb");
    if (!f) { perror(argv[4]); return 2; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *input = malloc(size);
    if (fread(input, 1, size, f) != (size_t)size) { fprintf(stderr, "short read\n"); return 2; }
    fclose(f);
    size_t bound = ZSTD_compressBound(size);
    char *compressed = malloc(bound), *output = malloc(size);
    size_t csize = 0;
    if (decompress) {  /* the input of decompression; compression needs no setup */
        csize = ZSTD_compress(compressed, bound, input, size, level);
        if (ZSTD_isError(csize)) { fprintf(stderr, "%s\n", ZSTD_getErrorName(csize)); return 2; }
    }
    ZSTD_CCtx *cctx = ZSTD_createCCtx();
    ZSTD_DCtx *dctx = ZSTD_createDCtx();
    for (int s = 0; s < samples; s++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        for (int i = 0; i < iterations; i++) {
            size_t r = decompress ? ZSTD_decompressDCtx(dctx, output, size, compressed, csize)
                                  : ZSTD_compressCCtx(cctx, compressed, bound, input, size, level);
            if (ZSTD_isError(r)) { fprintf(stderr, "%s\n", ZSTD_getErrorName(r)); return 2; }
        }
        clock_gettime(CLOCK_MONOTONIC, &b);
        double ns = ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / iterations;
        printf("{\"benchmark\": \"%s\", \"unit\": \"ns\", \"value\": %.1f}\n", name, ns);
    }
    return 0;
}
