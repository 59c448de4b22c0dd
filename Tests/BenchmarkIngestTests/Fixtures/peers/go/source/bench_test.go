package benchstatfixture

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkSort: sub-benchmarks per size; head sorts ~10% more elements.
func BenchmarkSort(b *testing.B) {
	for _, size := range []int{1 << 10, 1 << 14} {
		n := Scale(size)
		b.Run(fmt.Sprintf("size=%dK", size>>10), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				SortInts(n, uint32(i))
			}
		})
	}
}

// BenchmarkSHA256: identical work in base and head; reports throughput via SetBytes.
func BenchmarkSHA256(b *testing.B) {
	for _, size := range []int{64, 4096} {
		buf := make([]byte, size)
		for i := range buf {
			buf[i] = byte(i)
		}
		b.Run(fmt.Sprintf("bytes=%d", size), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				HashBlock(buf)
			}
		})
	}
}

// BenchmarkWordCount: head processes ~10% more words; reports a custom metric.
func BenchmarkWordCount(b *testing.B) {
	words := Scale(2000)
	var sb strings.Builder
	for i := 0; i < words; i++ {
		fmt.Fprintf(&sb, "w%d ", i%257)
	}
	text := sb.String()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		WordCount(text)
	}
	b.ReportMetric(float64(words), "words/op")
}
