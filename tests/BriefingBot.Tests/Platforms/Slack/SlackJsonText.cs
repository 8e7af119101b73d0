using System.Text.Json.Nodes;

namespace BriefingBot.Tests.Platforms.Slack;

internal static class SlackJsonText
{
    /// <summary>Every string value in the JSON, decoded and joined by new lines: the text Slack will read.</summary>
    public static string All(JsonNode node) => string.Join("\n", Strings(node));

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Strings(p.Value)),
        JsonArray a => a.SelectMany(i => i is null ? [] : Strings(i)),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
