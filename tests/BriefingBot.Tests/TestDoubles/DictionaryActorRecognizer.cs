using BriefingBot.Analysis.Actors;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>
/// Stands in for the real actor recognizer in the development tests: a dozen actors and their names, aliases and
/// demonyms, matched case-sensitively on word boundaries, longest name first.
/// </summary>
public sealed class DictionaryActorRecognizer : IActorRecognizer
{
    private static readonly (string Surface, Actor Actor, string Via)[] Names = Build();

    public IReadOnlyList<ActorMention> Recognize(string text)
    {
        var mentions = new List<ActorMention>();
        int i = 0;
        while (i < text.Length)
        {
            var hit = (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
                ? Names.FirstOrDefault(n => string.CompareOrdinal(text, i, n.Surface, 0, n.Surface.Length) == 0 && IsEnd(text, i + n.Surface.Length))
                : default;
            if (hit.Actor is null)
            {
                i++;
                continue;
            }

            mentions.Add(new ActorMention(i, hit.Surface.Length, hit.Surface, hit.Actor, hit.Actor.Kind, 1.0, hit.Via));
            i += hit.Surface.Length;
        }

        return mentions;
    }

    private static bool IsEnd(string text, int at) => at >= text.Length || !char.IsLetterOrDigit(text[at]);

    private static (string, Actor, string)[] Build()
    {
        var entries = new List<(string, Actor, string)>();
        void Add(string id, string name, ActorKind kind, string[] aliases, params string[] demonyms)
        {
            var actor = new Actor(id, name, kind);
            entries.Add((name, actor, "name"));
            entries.AddRange(aliases.Select(a => (a, actor, "alias")));
            entries.AddRange(demonyms.Select(d => (d, actor, "demonym")));
        }

        Add("PRK", "North Korea", ActorKind.State, ["Pyongyang", "DPRK"], "North Korean");
        Add("KOR", "South Korea", ActorKind.State, ["Seoul"], "South Korean");
        Add("RUS", "Russia", ActorKind.State, ["Moscow", "Kremlin"], "Russian");
        Add("UKR", "Ukraine", ActorKind.State, ["Kyiv"], "Ukrainian");
        Add("JPN", "Japan", ActorKind.State, ["Tokyo"], "Japanese");
        Add("USA", "United States", ActorKind.State, ["Washington", "U.S."], "American");
        Add("CHN", "China", ActorKind.State, ["Beijing"], "Chinese");
        Add("reuters", "Reuters", ActorKind.Media, []);
        Add("ap", "Associated Press", ActorKind.Media, ["AP"]);
        Add("nato", "NATO", ActorKind.Organisation, []);
        Add("eu", "European Union", ActorKind.Organisation, ["EU"]);
        Add("iaea", "IAEA", ActorKind.Organisation, ["International Atomic Energy Agency"]);
        return [.. entries.OrderByDescending(e => e.Item1.Length)];
    }
}
