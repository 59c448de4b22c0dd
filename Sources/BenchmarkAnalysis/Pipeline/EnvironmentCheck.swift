import BenchmarkModel

/// Finds differences in the recorded environment between two labels: the machine, OS, CPU and
/// toolchain keys that peer tools write (Go's `goos`/`goarch`/`cpu`, Google Benchmark's
/// `host_name`/`num_cpus`/`mhz_per_cpu`/`library_build_type`, pyperf's and pytest-benchmark's
/// machine keys). A difference does not stop the analysis; the summary reports it.
enum EnvironmentCheck {
    /// Metadata keys that describe the environment rather than the benchmark.
    static let keys: [String] = [
        "goos", "goarch", "cpu", "host_name", "num_cpus", "mhz_per_cpu", "library_build_type", "cpu_scaling_enabled",
        "machine", "node", "platform", "python_version", "python_implementation", "cpu_model_name", "cpu_count",
        "hostname", "runner", "os", "arch", "compiler",
    ]

    static func differences(base: LabelData, head: LabelData) -> [EnvironmentDifference] {
        var result: [EnvironmentDifference] = []
        for key in keys {
            let baseValues = Set(base.files.compactMap { $0.value(for: key) })
            let headValues = Set(head.files.compactMap { $0.value(for: key) })
            guard !baseValues.isEmpty, !headValues.isEmpty, baseValues != headValues else { continue }
            result.append(
                EnvironmentDifference(
                    key: key, baseLabel: base.label, baseValues: baseValues.sorted(), headLabel: head.label,
                    headValues: headValues.sorted()))
        }
        return result
    }
}
