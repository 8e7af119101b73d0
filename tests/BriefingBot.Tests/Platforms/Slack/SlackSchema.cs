using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace BriefingBot.Tests.Platforms.Slack;

/// <summary>
/// Validates the bodies we send to Slack against <c>slack-block-kit.closed.schema.json</c>: our closed schema of the
/// Web API methods, response_url messages and Socket Mode acks we use, and of the blocks and elements we render. A
/// field Slack does not document, or a block type the schema does not admit, is an error.
/// </summary>
internal static class SlackSchema
{
    public const string PostMessage = "chat.postMessage";
    public const string Update = "chat.update";
    public const string PostEphemeral = "chat.postEphemeral";
    public const string ResponseUrl = "response_url";
    public const string SocketAck = "socket_ack";

    private static readonly Lazy<string> Text = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Platforms", "Slack", "slack-block-kit.closed.schema.json")));

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>Errors for <paramref name="body"/> as a <paramref name="shape"/> body; empty when it conforms.</summary>
    public static IReadOnlyList<string> Validate(string shape, string body)
    {
        var schema = Schemas.GetOrAdd(shape, Build);
        var result = schema.Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }

    private static JsonSchema Build(string shape)
    {
        var root = JsonNode.Parse(Text.Value)!.AsObject();
        if (root["$defs"]![shape] is null)
        {
            throw new ArgumentException($"The Slack schema defines no body {shape}.", nameof(shape));
        }

        root.Remove("$id");
        root["$ref"] = "#/$defs/" + shape;
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(root.ToJsonString(), options, new Uri($"https://briefingbot.test/slack/{Guid.NewGuid():N}"));
    }
}
