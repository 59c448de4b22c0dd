// Tiny real computations for Google Benchmark fixtures.
// Compile with -DHEAD=1 for the "head" variant: BM_Sort and BM_WordSplit
// process ~10% more input; BM_Hash is identical in both variants.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#ifndef HEAD
#define HEAD 0
#endif

static int64_t Scale(int64_t n) { return HEAD ? n + n / 10 : n; }

static std::vector<uint32_t> MakeData(int64_t n, uint32_t seed) {
  std::vector<uint32_t> v(static_cast<size_t>(n));
  uint32_t x = seed;
  for (auto& e : v) { x = x * 1664525u + 1013904223u; e = x >> 8; }
  return v;
}

// Sorting with ->Args: (size, seed).
static void BM_Sort(benchmark::State& state) {
  const int64_t n = Scale(state.range(0));
  const auto src = MakeData(n, static_cast<uint32_t>(state.range(1)));
  for (auto _ : state) {
    auto v = src;
    std::sort(v.begin(), v.end());
    benchmark::DoNotOptimize(v.data());
  }
  state.SetComplexityN(n);
}
BENCHMARK(BM_Sort)->Args({1024, 1})->Args({8192, 7});

// FNV-1a hashing; identical in base and head; reports items_per_second and bytes_per_second.
static void BM_Hash(benchmark::State& state) {
  std::string buf(static_cast<size_t>(state.range(0)), 'x');
  for (size_t i = 0; i < buf.size(); ++i) buf[i] = static_cast<char>('a' + i % 26);
  for (auto _ : state) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : buf) { h ^= c; h *= 1099511628211ull; }
    benchmark::DoNotOptimize(h);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Hash)->Arg(256)->Arg(4096);

// Splitting a space-separated string into words; custom counter "words".
static void BM_WordSplit(benchmark::State& state) {
  const int64_t words = Scale(2000);
  std::string text;
  for (int64_t i = 0; i < words; ++i) text += "w" + std::to_string(i % 257) + " ";
  for (auto _ : state) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == ' ') { out.emplace_back(text, start, i - start); start = i + 1; }
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["words"] = static_cast<double>(words);
}
BENCHMARK(BM_WordSplit)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
