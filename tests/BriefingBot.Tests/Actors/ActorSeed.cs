using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Actors;

/// <summary>Stores a few analysed articles about North Korea and Russia, published today and yesterday.</summary>
internal static class ActorSeed
{
    public static async Task StoreAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<ActorCatalog>();
        var articles = services.GetRequiredService<IArticleStore>();
        var analysis = services.GetRequiredService<IAnalysisStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        string[][] mentioned = [["kp", "ru", "kp"], ["kp"], ["ru", "ua"]];
        for (var i = 0; i < mentioned.Length; i++)
        {
            var added = await articles.AddAsync(
                TestArticles.Create($"Report {i}", TestArticles.LongText(700 + i), url: $"https://news.example/actor-{i}", published: now.AddDays(-i)), cancellationToken);
            var mentions = mentioned[i].Select(id => catalog.Find(id)!).Select(a => new ActorMention(0, a.Name.Length, a.Name, a, a.Kind, 1, "name")).ToList();
            await analysis.SaveAsync(added.ArticleId, new DevelopmentAnalysis([], mentions, []), cancellationToken);
        }
    }
}
