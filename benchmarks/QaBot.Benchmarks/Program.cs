using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(QaBot.Benchmarks.SearchBenchmarks).Assembly).Run(args);
