// Package b parses comma-separated integers (a tiny real workload for fixtures).
package b

import "strconv"

// Variant is "base" or "head"; set at build time via -ldflags -X.
var Variant = "base"

// Parse sums the integers of a generated comma-separated list; in package a,
// head parses 20% more numbers.
func Parse(n int) int {
	if "b" == "a" && Variant == "head" {
		n += n / 5
	}
	buf := make([]byte, 0, n*6)
	for i := 0; i < n; i++ {
		buf = strconv.AppendInt(buf, int64(i*7919%100000), 10)
		buf = append(buf, ',')
	}
	sum, start := 0, 0
	for i, c := range buf {
		if c == ',' {
			v, _ := strconv.Atoi(string(buf[start:i]))
			sum += v
			start = i + 1
		}
	}
	return sum
}
