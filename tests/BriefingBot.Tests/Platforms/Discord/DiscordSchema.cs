using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Tests.TestDoubles;
using Json.Schema;

namespace BriefingBot.Tests.Platforms.Discord;

/// <summary>
/// Validates request bodies against Discord's OpenAPI 3.1 spec (shared/platform-specs/discord/openapi.json): the request
/// schema of the matching path and method, wrapped with the spec's components so its <c>$ref</c>s resolve, and read as
/// closed (<see cref="ClosedSchema"/>): the spec's schemas do not say <c>additionalProperties: false</c>, but a strict
/// server refuses any field Discord does not document (400, code 50035).
/// </summary>
internal static class DiscordSchema
{
    private static readonly Lazy<JsonObject> Spec = new(() =>
        JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(SharedFolder.Path, "platform-specs", "discord", "openapi.json")))!.AsObject());

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    private static readonly Lazy<ClosedSchema> Closed = new(() => new ClosedSchema(Resolve));

    /// <summary>Errors for a request the bot sent; empty when it conforms. Multipart bodies are checked by their payload_json.</summary>
    public static IReadOnlyList<string> Validate(RecordedRequest request) =>
        Validate(request.Method, request.Path.Split('?')[0]["/api/v10".Length..], request.Body);

    /// <summary>Errors for <paramref name="body"/> as the request body of <paramref name="method"/> <paramref name="apiPath"/> (path after /api/v10).</summary>
    public static IReadOnlyList<string> Validate(string method, string apiPath, string body)
    {
        var template = MatchTemplate(apiPath) ?? throw new InvalidOperationException($"No OpenAPI path matches {apiPath}.");
        var schema = Schemas.GetOrAdd(method + " " + template, _ => Build(template, method.ToLowerInvariant()));
        var instance = JsonDocument.Parse(body).RootElement;
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var unknown = UnknownProperties(method, apiPath, instance).Select(p => $"{p}: not a field the spec lists");
        return result.IsValid
            ? [.. unknown]
            : [.. (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")), .. unknown];
    }

    /// <summary>The instance paths of fields in <paramref name="body"/> that the spec does not list for this request.</summary>
    public static IReadOnlyList<string> UnknownProperties(string method, string apiPath, JsonElement body)
    {
        var template = MatchTemplate(apiPath) ?? throw new InvalidOperationException($"No OpenAPI path matches {apiPath}.");
        return Closed.Value.UnknownProperties(body, RequestSchema(template, method.ToLowerInvariant()));
    }

    /// <summary>Whether the spec has a path for <paramref name="apiPath"/> (after /api/v10).</summary>
    public static bool Knows(string apiPath) => MatchTemplate(apiPath) is not null;

    private static JsonNode RequestSchema(string template, string method) =>
        Spec.Value["paths"]![template]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!;

    private static JsonNode Resolve(string reference) =>
        reference.StartsWith("#/", StringComparison.Ordinal)
            ? reference[2..].Split('/').Aggregate((JsonNode)Spec.Value, (node, part) => node[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]!)
            : throw new InvalidOperationException($"Only local references are expected in the spec: {reference}");

    private static string? MatchTemplate(string path)
    {
        var segments = path.Trim('/').Split('/');
        string? best = null;
        var bestLiterals = -1;
        foreach (var (template, _) in Spec.Value["paths"]!.AsObject())
        {
            var parts = template.Trim('/').Split('/');
            if (parts.Length != segments.Length)
            {
                continue;
            }

            var literals = 0;
            var matches = true;
            for (var i = 0; i < parts.Length && matches; i++)
            {
                var isParameter = parts[i].StartsWith('{');
                matches = isParameter || parts[i] == segments[i];
                literals += isParameter ? 0 : 1;
            }

            if (matches && literals > bestLiterals)
            {
                best = template;
                bestLiterals = literals;
            }
        }

        return best;
    }

    private static JsonSchema Build(string template, string method)
    {
        var body = RequestSchema(template, method).DeepClone();
        var schemas = Spec.Value["components"]!["schemas"]!.DeepClone();
        RemoveVendorExtensions(body);
        RemoveVendorExtensions(schemas);
        var wrapper = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["allOf"] = new JsonArray(body),
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(wrapper.ToJsonString(), options, new Uri($"https://briefingbot.test/{Guid.NewGuid():N}"));
    }

    /// <summary>OpenAPI's <c>x-…</c> keywords mean nothing to a JSON Schema validator, which rejects unknown keywords.</summary>
    private static void RemoveVendorExtensions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(k => k.StartsWith("x-", StringComparison.Ordinal)).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, child) in obj)
                {
                    RemoveVendorExtensions(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RemoveVendorExtensions(child);
                }

                break;
        }
    }
}
