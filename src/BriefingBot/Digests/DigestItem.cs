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
    int MoreDevelopments);

public sealed record DigestSourceLink(string Source, string Url);

/// <summary>A reported development with its stable id (for "Poll this", when <see cref="Pollable"/>) and how many sources report it.</summary>
public sealed record DigestDevelopment(long Id, string Claim, int Corroboration, bool Pollable = true);
