namespace BriefingBot.Analysis.Actors;

/// <summary>
/// Finds actors in text: the catalogue's names through a word trie (longest match wins), then capitalised names
/// the catalogue lacks, typed by rules (titles, organisation endings, first names, what the text says elsewhere).
/// </summary>
public sealed class ActorRecognizer(ActorCatalog catalog) : IActorRecognizer
{
    private readonly Gazetteer gazetteer = new(catalog.Names);

    public IReadOnlyList<ActorMention> Recognize(string text) => new RecognitionPass(text, catalog, gazetteer).Run();
}
