/* zbench: tiny benchmark driver around the zstd library (single-file zstd.c).
 *
 *   zbench c LEVEL FILE OPS SAMPLES   compress FILE at LEVEL
 *   zbench d LEVEL FILE OPS SAMPLES   decompress FILE (compressed at LEVEL first, untimed)
 *
 * One warm-up call of bench_work(), then SAMPLES timed calls, each doing OPS
 * operations; prints one line per sample: nanoseconds per operation (integer).
 * With SAMPLES=0 only the warm-up and ONE extra bench_work(OPS) call run and
 * nothing is timed: that is the callgrind mode, use --toggle-collect=bench_work
 * so only the measured call is counted (warm-up and setup are excluded).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "zstd.h"

static char *src, *dst, *out;
static size_t srcSize, dstCap, cSize;
static int level;
static char mode;
static ZSTD_CCtx *cctx;
static ZSTD_DCtx *dctx;
volatile size_t sink;

static void do_once(void) {
    if (mode == 'c') {
        size_t r = ZSTD_compressCCtx(cctx, dst, dstCap, src, srcSize, level);
        if (ZSTD_isError(r)) { fprintf(stderr, "compress: %s\n", ZSTD_getErrorName(r)); exit(3); }
        sink += r;
    } else {
        size_t r = ZSTD_decompressDCtx(dctx, out, srcSize, dst, cSize);
        if (ZSTD_isError(r) || r != srcSize) { fprintf(stderr, "decompress failed\n"); exit(3); }
        sink += r;
    }
}

__attribute__((noinline, noclone, used, externally_visible))
void bench_work(long ops) {
    for (long i = 0; i < ops; i++) do_once();
}

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: zbench c|d LEVEL FILE OPS SAMPLES\n"); return 2; }
    mode = argv[1][0];
    level = atoi(argv[2]);
    long ops = atol(argv[4]);
    long samples = atol(argv[5]);
    FILE *f = fopen(argv[3], "rb");
    if (!f) { perror(argv[3]); return 2; }
    fseek(f, 0, SEEK_END); srcSize = (size_t)ftell(f); fseek(f, 0, SEEK_SET);
    src = malloc(srcSize ? srcSize : 1);
    if (fread(src, 1, srcSize, f) != srcSize) { perror("read"); return 2; }
    fclose(f);
    dstCap = ZSTD_compressBound(srcSize);
    dst = malloc(dstCap);
    out = malloc(srcSize ? srcSize : 1);
    cctx = ZSTD_createCCtx();
    dctx = ZSTD_createDCtx();
    if (mode == 'd') {
        cSize = ZSTD_compressCCtx(cctx, dst, dstCap, src, srcSize, level);
        if (ZSTD_isError(cSize)) return 3;
    }
    do_once();                       /* warm-up: not via bench_work, not collected */
    if (samples == 0) { bench_work(ops); return 0; }
    for (long s = 0; s < samples; s++) {
        long long t0 = now_ns();
        bench_work(ops);
        long long t1 = now_ns();
        printf("%lld\n", (t1 - t0 + ops / 2) / ops);
    }
    return 0;
}
