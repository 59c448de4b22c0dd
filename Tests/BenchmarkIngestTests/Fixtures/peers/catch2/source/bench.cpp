#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_ENABLE_BENCHMARKING
#include <catch2/catch.hpp>
#include <string>
#include <vector>
#include <algorithm>

static unsigned long fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

TEST_CASE("fibonacci") {
    BENCHMARK("fib 20") { return fib(20); };
    BENCHMARK("fib 25") { return fib(25); };
}

TEST_CASE("sorting") {
    std::vector<int> data(1000);
    for (int i = 0; i < 1000; ++i) data[i] = (i * 7919) % 1000;
    BENCHMARK("sort 1000 ints") {
        auto copy = data;
        std::sort(copy.begin(), copy.end());
        return copy[0];
    };
}
