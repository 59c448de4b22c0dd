use criterion::{black_box, criterion_group, criterion_main, Criterion};
use fibbench::fib;

fn bench(c: &mut Criterion) {
    c.bench_function("fib 15", |b| b.iter(|| fib(black_box(15))));
    let mut group = c.benchmark_group("fib");
    for n in [10u64, 20] {
        group.bench_function(format!("n={}", n), |b| b.iter(|| fib(black_box(n))));
    }
    group.finish();
}
criterion_group!(benches, bench);
criterion_main!(benches);
