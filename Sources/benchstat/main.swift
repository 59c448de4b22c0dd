import BenchstatCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

CommandLineEntry.prepareProcess()
exit(CommandLineEntry.run(Array(CommandLine.arguments.dropFirst())))
