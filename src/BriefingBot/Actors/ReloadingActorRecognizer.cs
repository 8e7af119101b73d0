using BriefingBot.Analysis.Actors;

namespace BriefingBot.Actors;

/// <summary>The <see cref="ActorRecognizer"/> over the directory's current catalogue, rebuilt when an alias is taught or removed.</summary>
public sealed class ReloadingActorRecognizer : IActorRecognizer
{
    private volatile ActorRecognizer current;

    public ReloadingActorRecognizer(ActorDirectory directory)
    {
        current = new ActorRecognizer(directory.Catalog);
        directory.Changed += catalog => current = new ActorRecognizer(catalog);
    }

    public IReadOnlyList<ActorMention> Recognize(string text) => current.Recognize(text);
}
