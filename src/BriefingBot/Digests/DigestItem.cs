namespace BriefingBot.Digests;

/// <summary>One story of a digest: what the layout shows, already made inert (see <see cref="DigestText"/>).</summary>
public sealed record DigestItem(
    long StoryId,
    string Headline,
    string Summary,
    int SourceCount,
    IReadOnlyList<string> Actors,
    IReadOnlyList<DigestSourceLink> Sources,
    IReadOnlyList<DigestDevelopment> Developments,
    int MoreDevelopments)
{
    /// <summary>Every source of the story, in the order they reported it (<see cref="Sources"/> are the links shown).</summary>
    public IReadOnlyList<string> SourceNames { get; init; } = [];

    /// <summary>
    /// An update of a story this channel was already sent: <see cref="Summary"/> says what is new and
    /// <see cref="NewSources"/> names the sources that joined it since.
    /// </summary>
    public bool IsUpdate { get; init; }

    public IReadOnlyList<string> NewSources { get; init; } = [];
}

public sealed record DigestSourceLink(string Source, string Url);

/// <summary>A reported development with its stable id (for "Poll this", when <see cref="Pollable"/>) and how many sources report it.</summary>
public sealed record DigestDevelopment(long Id, string Claim, int Corroboration, bool Pollable = true);
