"""Writes deterministic inputs for the hyperfine fixtures into the current directory.

usage: python3 make_inputs.py base|head
  lines.txt : pseudo-random lines to sort (head: 10% more lines)
  blob.bin  : 1 MiB of compressible text for gzip (identical in base and head)
"""
import sys

variant = sys.argv[1]
n = 400_000 if variant == "base" else 440_000
x = 12345
with open("lines.txt", "w") as f:
    for _ in range(n):
        x = (x * 1103515245 + 12345) % (1 << 31)
        f.write(f"{x:010d} item-{x % 9973}\n")
with open("blob.bin", "w") as f:
    i = 0
    size = 0
    while size < (1 << 20):
        line = f"row {i} value {(i * 7919) % 10007} status {'ok' if i % 3 else 'retry'}\n"
        f.write(line)
        size += len(line)
        i += 1
