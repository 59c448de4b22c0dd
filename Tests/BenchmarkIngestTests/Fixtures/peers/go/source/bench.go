// Package benchstatfixture holds tiny real computations for benchmark fixtures.
package benchstatfixture

import (
	"crypto/sha256"
	"sort"
	"strings"
)

// Variant is "base" or "head"; set at build time via -ldflags -X.
var Variant = "base"

// Scale returns the input-size multiplier: head does ~10% more work
// in the benchmarks that use it.
func Scale(n int) int {
	if Variant == "head" {
		return n + n/10
	}
	return n
}

// SortInts sorts a pseudo-random slice of n ints (fresh copy each call).
func SortInts(n int, seed uint32) []int {
	xs := make([]int, n)
	x := seed
	for i := range xs {
		x = x*1664525 + 1013904223
		xs[i] = int(x >> 8)
	}
	sort.Ints(xs)
	return xs
}

// HashBlock returns the SHA-256 of buf.
func HashBlock(buf []byte) [32]byte { return sha256.Sum256(buf) }

// WordCount counts words in text by splitting on spaces.
func WordCount(text string) map[string]int {
	m := make(map[string]int)
	for _, w := range strings.Fields(text) {
		m[w]++
	}
	return m
}
