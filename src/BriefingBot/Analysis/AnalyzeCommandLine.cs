using System.Globalization;
using System.Text.Json;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;

namespace BriefingBot.Analysis;

/// <summary>
/// <c>analyze &lt;file|folder&gt;... [--json] [--sentences N]</c>: reads <c>.txt</c> articles as ingestion does and
/// prints each one's summary, actor mentions, hedged sentences and developments; never touches the store.
/// Developments need an <see cref="IActorRecognizer"/>; without one registered, actors and developments stay empty.
/// </summary>
public static class AnalyzeCommandLine
{
    public const int DefaultSentences = 3;

    private const string Usage = "usage: analyze <file|folder>... [--json] [--sentences N]";

    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(services, arguments, Console.Out, Console.Error, cancellationToken);

    internal static async Task<int> RunAsync(
        IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParse(arguments, out var paths, out var json, out var sentences))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var summarizer = services.GetService<ISummarizer>() ?? new ExtractiveSummarizer();
        var extractor = services.GetService<DevelopmentExtractor>() ?? new DevelopmentExtractor(services.GetService<IActorRecognizer>());
        if (services.GetService<IActorRecognizer>() is null)
        {
            await error.WriteLineAsync("note: no actor recognizer is registered, so no actors and no developments are reported.");
        }

        var today = DateOnly.FromDateTime((services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        var sourced = new List<SourcedDevelopment>();
        int failed = 0;
        var files = Files(paths, out var missing);
        foreach (var file in files)
        {
            ArticleFile article;
            try
            {
                article = ArticleFile.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"failed: {file}: {e.Message}");
                failed++;
                continue;
            }

            var summary = await summarizer.SummarizeAsync(article.Title, article.Body, sentences, cancellationToken);
            var analysis = extractor.Analyze(article.Body, article.Published ?? today);
            sourced.AddRange(analysis.Developments.Select(d => new SourcedDevelopment(file, d)));
            if (json)
            {
                var line = JsonSerializer.Serialize(AnalyzedArticleJson.From(file, article.Title, summary, analysis), AnalyzeJsonContext.Readable.AnalyzedArticleJson);
                await output.WriteLineAsync(line);
            }
            else
            {
                await AnalyzeReport.WriteAsync(output, file, article, summary, analysis);
            }
        }

        foreach (var path in missing)
        {
            await error.WriteLineAsync($"failed: {path}: not found");
        }

        if (!json)
        {
            await AnalyzeReport.WriteMergedAsync(output, DevelopmentMerger.Merge(sourced));
        }

        return failed + missing.Count > 0 ? 1 : 0;
    }

    private static bool TryParse(IReadOnlyList<string> arguments, out List<string> paths, out bool json, out int sentences)
    {
        paths = [];
        json = false;
        sentences = DefaultSentences;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (string.Equals(arguments[i], "--json", StringComparison.OrdinalIgnoreCase))
            {
                json = true;
            }
            else if (string.Equals(arguments[i], "--sentences", StringComparison.OrdinalIgnoreCase))
            {
                if (i + 1 >= arguments.Count || !int.TryParse(arguments[++i], NumberStyles.None, CultureInfo.InvariantCulture, out sentences))
                {
                    return false;
                }
            }
            else
            {
                paths.Add(arguments[i]);
            }
        }

        return paths.Count > 0;
    }

    // Folders give their .txt files, in a stable order.
    private static List<string> Files(List<string> paths, out List<string> missing)
    {
        var files = new List<string>();
        missing = [];
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else
            {
                missing.Add(path);
            }
        }

        return files;
    }
}
