using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BriefingBot.Tests.Platforms;

/// <summary>
/// Reads a JSON Schema (or an OpenAPI schema) as closed: an instance property that no schema on its path lists is
/// reported, as a server that validates strictly would refuse it. <c>$ref</c> and <c>allOf</c> add up the listed
/// properties; of the <c>oneOf</c>/<c>anyOf</c> branches the one the instance fits best is used (type, <c>const</c>
/// and <c>enum</c> decide, then the fewest unknown properties). An object schema that lists no properties at all and
/// no <c>additionalProperties</c> is a free-form map and stays open. Types and limits are the validator's job.
/// </summary>
internal sealed class ClosedSchema(Func<string, JsonNode> resolveReference)
{
    private const int MaxAlternatives = 256;

    private readonly ConcurrentDictionary<JsonObject, List<List<JsonObject>>> expanded = new(ReferenceEqualityComparer.Instance);

    /// <summary>Instance paths (JSON Pointer) of the properties the schema does not list; empty when the instance is closed-valid.</summary>
    public IReadOnlyList<string> UnknownProperties(JsonElement instance, JsonNode schema) => Check(instance, schema, string.Empty).Unknown;

    private Result Check(JsonElement instance, JsonNode? schema, string path)
    {
        if (schema is not JsonObject)
        {
            return Result.Empty;
        }

        Result? best = null;
        foreach (var conjunction in Expand(schema, depth: 0))
        {
            var result = CheckConjunction(instance, conjunction, path);
            if (result.Score == 0)
            {
                return result;
            }

            if (best is null || result.Score < best.Score)
            {
                best = result;
            }
        }

        return best ?? Result.Empty;
    }

    private Result CheckConjunction(JsonElement instance, List<JsonObject> conjunction, string path)
    {
        if (!conjunction.All(s => Allows(s, instance)))
        {
            return new Result([], 1);
        }

        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                return CheckObject(instance, conjunction, path);
            case JsonValueKind.Array:
                var items = conjunction.Select(s => s["items"]).Where(i => i is JsonObject).ToList();
                var unknown = new List<string>();
                var mismatches = 0;
                var index = 0;
                foreach (var element in instance.EnumerateArray())
                {
                    foreach (var itemSchema in items)
                    {
                        var result = Check(element, itemSchema, $"{path}/{index}");
                        unknown.AddRange(result.Unknown);
                        mismatches += result.Mismatches;
                    }

                    index++;
                }

                return new Result(unknown, mismatches);
            default:
                return Result.Empty;
        }
    }

    private Result CheckObject(JsonElement instance, List<JsonObject> conjunction, string path)
    {
        var listed = conjunction.Any(s => s.ContainsKey("properties") || s.ContainsKey("patternProperties") || s.ContainsKey("additionalProperties"));
        var unknown = new List<string>();
        var mismatches = 0;
        foreach (var property in instance.EnumerateObject())
        {
            var schemas = conjunction.Select(s => s["properties"]?[property.Name]).Where(p => p is not null).ToList();
            schemas.AddRange(conjunction
                .Select(s => s["patternProperties"] as JsonObject)
                .Where(p => p is not null)
                .SelectMany(p => p!.Where(kv => Regex.IsMatch(property.Name, kv.Key, RegexOptions.None, TimeSpan.FromSeconds(1))).Select(kv => kv.Value)));
            if (schemas.Count == 0)
            {
                schemas.AddRange(conjunction.Select(s => s["additionalProperties"]).Where(a => a is JsonObject));
            }

            var explicitlyOpen = conjunction.Any(s => s["additionalProperties"] is JsonValue v && v.TryGetValue<bool>(out var open) && open);
            if (schemas.Count == 0)
            {
                if (listed && !explicitlyOpen)
                {
                    unknown.Add($"{path}/{property.Name}");
                }

                continue;
            }

            foreach (var propertySchema in schemas)
            {
                var result = Check(property.Value, propertySchema, $"{path}/{property.Name}");
                unknown.AddRange(result.Unknown);
                mismatches += result.Mismatches;
            }
        }

        return new Result(unknown, mismatches);
    }

    /// <summary>
    /// The schema as alternatives, each a list of schemas that all apply (refs resolved, allOf multiplied out). A schema
    /// object stands for its own keywords; its composition keywords are read here and ignored later.
    /// </summary>
    private List<List<JsonObject>> Expand(JsonNode schema, int depth) =>
        depth > 64 || schema is not JsonObject obj ? [[]] : expanded.GetOrAdd(obj, _ => ExpandObject(obj, depth));

    private List<List<JsonObject>> ExpandObject(JsonObject obj, int depth)
    {
        List<List<JsonObject>> alternatives = [[obj]];
        if (obj["$ref"]?.GetValue<string>() is { } reference)
        {
            alternatives = Product(alternatives, Expand(resolveReference(reference), depth + 1));
        }

        foreach (var part in obj["allOf"]?.AsArray() ?? [])
        {
            alternatives = Product(alternatives, Expand(part!, depth + 1));
        }

        foreach (var union in new[] { "oneOf", "anyOf" })
        {
            if (obj[union] is JsonArray branches)
            {
                alternatives = Product(alternatives, [.. branches.SelectMany(b => Expand(b!, depth + 1))]);
            }
        }

        return alternatives;
    }

    private static List<List<JsonObject>> Product(List<List<JsonObject>> left, List<List<JsonObject>> right)
    {
        var product = new List<List<JsonObject>>();
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                if (product.Count == MaxAlternatives)
                {
                    return product;
                }

                product.Add([.. l, .. r]);
            }
        }

        return product;
    }

    /// <summary>Whether <paramref name="schema"/>'s own <c>type</c>, <c>const</c> and <c>enum</c> admit the instance.</summary>
    private static bool Allows(JsonObject schema, JsonElement instance)
    {
        if (schema["type"] is { } type)
        {
            var types = type is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!types.Any(t => Matches(t, instance)))
            {
                return false;
            }
        }

        if (schema.TryGetPropertyValue("const", out var constant) && !JsonNode.DeepEquals(constant, JsonNode.Parse(instance.GetRawText())))
        {
            return false;
        }

        return schema["enum"] is not JsonArray values || values.Any(v => JsonNode.DeepEquals(v, JsonNode.Parse(instance.GetRawText())));
    }

    private static bool Matches(string type, JsonElement instance) => (type, instance.ValueKind) switch
    {
        ("object", JsonValueKind.Object) => true,
        ("array", JsonValueKind.Array) => true,
        ("string", JsonValueKind.String) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => instance.TryGetInt64(out _),
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("null", JsonValueKind.Null) => true,
        _ => false,
    };

    private sealed record Result(List<string> Unknown, int Mismatches)
    {
        public static Result Empty { get; } = new([], 0);

        /// <summary>A branch whose type, const or enum the instance contradicts is not the branch it means; of those it fits, the fewest unknowns win.</summary>
        public int Score => Unknown.Count + (Mismatches * 1000);
    }
}
