using System.Reflection;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Analysis.Actors;

/// <summary>
/// Finds actors in text. The catalogue's names are found through a word trie and capitalised names it lacks are
/// typed by rules (<see cref="RecognitionPass"/>); then a learned tagger (<see cref="MentionTagger"/>, shipped as
/// <c>Analysis/Models/mentions.model</c>) decides which spans are names and of which type, and each span is resolved
/// to a catalogue actor where its words name one (Pyongyang → North Korea), unless the place is only a place there
/// (<see cref="PlaceRoles"/>: "talks in Beijing", "East Asia").
/// </summary>
public sealed class ActorRecognizer : IActorRecognizer
{
    private static readonly Lazy<AveragedPerceptron?> Shipped = new(() => LoadModel("mentions.model"));

    private readonly ActorCatalog catalog;
    private readonly Gazetteer gazetteer;
    private readonly MentionTagger? tagger;
    private readonly PlaceRoles places;

    public ActorRecognizer(ActorCatalog catalog)
        : this(catalog, Shipped.Value)
    {
    }

    internal ActorRecognizer(ActorCatalog catalog, AveragedPerceptron? model, bool modelUsesRules = false)
    {
        this.catalog = catalog;
        gazetteer = new Gazetteer(catalog.Names);
        places = new PlaceRoles(catalog);
        tagger = model is null ? null : new MentionTagger(model, gazetteer) { UsesRules = modelUsesRules };
    }

    /// <summary>Whether a catalogue name the tagger left untagged is still reported (chosen by cross-validation on the tune part).</summary>
    internal bool Backfill { get; init; } = true;

    public IReadOnlyList<ActorMention> Recognize(string text)
    {
        var rules = new RecognitionPass(text, catalog, gazetteer).Run();
        var words = WordScanner.Scan(text);
        var mentions = tagger is null ? rules : MentionResolver.Resolve(text, words, tagger.Tag(text, words, rules), rules, gazetteer, Backfill);
        return places.Apply(text, mentions, words);
    }

    internal static AveragedPerceptron? LoadModel(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("BriefingBot.Analysis.Models." + name);
        return stream is null ? null : AveragedPerceptron.Load(stream);
    }
}
