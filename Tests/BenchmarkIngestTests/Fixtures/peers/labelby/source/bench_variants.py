"""One pyperf file with two variants of each job: "join-list"/"join-gen" and
"sum-list"/"sum-gen" (a list comprehension vs a generator expression), so that
`--label-by 'regex:-(list|gen)$'` compares the variants.
"""
import pyperf

WORDS = [str(i) for i in range(20_000)]

if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.bench_func("join-list", lambda: "-".join([w for w in WORDS]))
    runner.bench_func("join-gen", lambda: "-".join(w for w in WORDS))
    runner.bench_func("sum-list", lambda: sum([i * i for i in range(20_000)]))
    runner.bench_func("sum-gen", lambda: sum(i * i for i in range(20_000)))
