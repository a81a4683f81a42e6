using System.CommandLine;
using QaBot.Bench;

// dotnet run -c Release --project benchmarks/QaBot.Bench -- bench|calibrate ... (the flags of docs/quality.md)
var root = new RootCommand("QaBot's research tools: the retrieval benchmark and the calibration of the no-answer decision.")
{
    BenchCommand.Create(),
    CalibrateCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
