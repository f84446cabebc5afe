using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Running;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Benchmarks.Step;

namespace GpuTwin.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks -- --filter '*DtSync*'</c>.
/// Results (GitHub markdown and CSV) land in BenchmarkDotNet.Artifacts/results; the exit code is nonzero
/// when any benchmark failed or the run had critical validation errors.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        const string numEnvs = nameof(ScenarioStepBenchmarks.NumEnvs);
        // DefaultConfig's loggers, columns, analysers and validators; exporters only GitHub markdown and CSV
        // (adding them on top of DefaultConfig would register them twice).
        var defaults = DefaultConfig.Instance;
        var config = ManualConfig.CreateEmpty()
            .AddLogger(defaults.GetLoggers().ToArray())
            .AddColumnProvider(defaults.GetColumnProviders().ToArray())
            .AddAnalyser(defaults.GetAnalysers().ToArray())
            .AddValidator(defaults.GetValidators().ToArray())
            .AddExporter(MarkdownExporter.GitHub, CsvExporter.Default)
            .AddColumn(new EnvStepsPerSecondColumn(numEnvs), new AgentStepsPerSecondColumn(numEnvs));

        StepJobAttribute.CommandLineJob = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();
        bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
