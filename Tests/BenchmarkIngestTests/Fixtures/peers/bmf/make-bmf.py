# Writes bmf/{base,head}/*.json from the real libtest runs in ../bencher/libtest, as Bencher's
# rust_bench adapter would report them: value = ns/iter, lower/upper = value ∓ libtest's (+/- spread).
import re, json
for src, dst in [("../bencher/libtest/base/run1.txt", "base/run1.json"), ("../bencher/libtest/base/run2.txt", "base/run2.json"),
                 ("../bencher/libtest/head/run1.txt", "head/run1.json")]:
    out = {}
    for line in open(src):
        m = re.match(r"^test (.+?)\s+\.\.\. bench:\s+([0-9,.]+) ns/iter \(\+/- ([0-9,.]+)\)", line)
        if not m:
            continue
        v = float(m.group(2).replace(",", "")); d = float(m.group(3).replace(",", ""))
        out[m.group(1)] = {"latency": {"value": v, "lower_value": round(max(v - d, 0), 2), "upper_value": round(v + d, 2)}}
    json.dump(out, open(dst, "w"), indent=2); open(dst, "a").write("\n")
