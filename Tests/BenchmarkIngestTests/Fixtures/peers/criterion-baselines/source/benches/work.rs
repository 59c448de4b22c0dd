use criterion::{black_box, criterion_group, criterion_main, Criterion};
use work::{fib, sum};

fn bench(c: &mut Criterion) {
    c.bench_function("sum", |b| b.iter(|| sum(black_box(20000))));
    c.bench_function("fib", |b| b.iter(|| fib(black_box(20))));
}
criterion_group!(benches, bench);
criterion_main!(benches);
