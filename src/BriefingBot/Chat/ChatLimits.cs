namespace BriefingBot.Chat;

/// <summary>
/// What one message may carry on a platform, as the platform tells it through <see cref="IChatPlatform.Limits"/>:
/// <see cref="FitsOneMessage"/> asks the platform's own renderer whether a reply stays one message (so a feature that
/// packs content into messages can never drift from what is posted), <see cref="MaxButtons"/> how many buttons a
/// message holds, and <see cref="MaxSections"/> how many sections it shows before it stops being readable.
/// </summary>
public sealed record ChatLimits(string Platform, int MaxButtons, int MaxSections, Func<ChatReply, bool> FitsOneMessage)
{
    /// <summary>A platform that prints everything as one message (the shell).</summary>
    public static ChatLimits Unlimited(string platform) => new(platform, int.MaxValue, int.MaxValue, _ => true);

    /// <summary>The limits of <paramref name="platform"/> among <paramref name="platforms"/>; a platform not connected gets the strictest of those that are.</summary>
    public static ChatLimits For(IEnumerable<IChatPlatform> platforms, string platform)
    {
        var known = platforms.Select(p => p.Limits).ToList();
        return known.FirstOrDefault(l => string.Equals(l.Platform, platform, StringComparison.OrdinalIgnoreCase))
            ?? Strictest(platform, known);
    }

    /// <summary>What fits every one of <paramref name="limits"/> at once.</summary>
    public static ChatLimits Strictest(string platform, IReadOnlyList<ChatLimits> limits) => limits.Count == 0
        ? Unlimited(platform)
        : new(platform, limits.Min(l => l.MaxButtons), limits.Min(l => l.MaxSections), reply => limits.All(l => l.FitsOneMessage(reply)));
}
