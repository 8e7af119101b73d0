using BriefingBot.Analysis.Actors;

namespace BriefingBot.Tests.Analysis.Actors;

/// <summary>config/actors.json as shipped beside the app, loaded once for all tests.</summary>
public static class TestCatalog
{
    private static readonly Lazy<ActorCatalog> Catalog = new(() => ActorCatalog.Load(Path.Combine(AppContext.BaseDirectory, "config", "actors.json")));

    public static ActorCatalog Instance => Catalog.Value;

    private static readonly Lazy<ActorRecognizer> LazyRecognizer = new(() => new ActorRecognizer(Instance));

    public static ActorRecognizer Recognizer => LazyRecognizer.Value;
}
