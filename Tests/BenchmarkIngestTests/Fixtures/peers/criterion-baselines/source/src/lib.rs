/// The sum of the squares below `n`.
pub fn sum(n: u64) -> u64 {
    (0..n * 100 / 100).map(|i| std::hint::black_box(i).wrapping_mul(i)).fold(0, u64::wrapping_add)
}

/// The `n`th Fibonacci number.
pub fn fib(n: u64) -> u64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}
