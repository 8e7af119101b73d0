using System.Collections.Concurrent;
using BriefingBot.Platforms.Discord.Payloads;

namespace BriefingBot.Platforms.Discord.Interactions;

/// <summary>
/// The latest interaction token per (channel, user) while it is valid, so a private answer can go as an ephemeral
/// follow-up in the channel where the user is, instead of a DM.
/// </summary>
public sealed class RecentInteractions(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Channel, string User), (string Token, DateTimeOffset Expires)> tokens = new();

    public void Remember(Interaction interaction)
    {
        var context = InteractionReader.Context(interaction);
        if (context.ChannelId.Length == 0 || context.UserId.Length == 0)
        {
            return;
        }

        // A minute of margin: a follow-up sent at 14:59 must not arrive after expiry.
        var expires = time.GetUtcNow() + DiscordLimits.InteractionTokenLifetime - TimeSpan.FromMinutes(1);
        tokens[(context.ChannelId, context.UserId)] = (interaction.Token, expires);
        if (tokens.Count > 10_000)
        {
            foreach (var stale in tokens.Where(t => t.Value.Expires < time.GetUtcNow()).Select(t => t.Key).ToList())
            {
                tokens.TryRemove(stale, out _);
            }
        }
    }

    public string? TokenFor(string channelId, string userId) =>
        tokens.TryGetValue((channelId, userId), out var entry) && entry.Expires > time.GetUtcNow() ? entry.Token : null;
}
