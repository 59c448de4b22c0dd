#![feature(test)]
extern crate test;

fn fib(n: u64) -> u64 { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }

#[cfg(test)]
mod tests {
    use super::*;
    use test::{black_box, Bencher};

    #[bench]
    fn fib_10(b: &mut Bencher) { b.iter(|| fib(black_box(10))); }

    #[bench]
    fn fib_20(b: &mut Bencher) { b.iter(|| fib(black_box(20))); }

    #[bench]
    fn copy_4k(b: &mut Bencher) {
        let src = vec![7u8; 4096];
        b.bytes = 4096;
        b.iter(|| black_box(src.clone()));
    }
}
