using System.Text.Json.Serialization;

namespace BriefingBot.Analysis.Actors;

/// <summary>The shape of config/actors.json.</summary>
public sealed record ActorCatalogFile(IReadOnlyList<ActorEntry> Actors);

/// <summary>
/// One actor as written in config/actors.json. Aliases are other names ("DPRK"), metonyms stand for the actor
/// (capitals and seats of power: "Pyongyang", "Kremlin"), demonyms name its people or adjective ("North Korean").
/// </summary>
public sealed record ActorEntry(string Id, string Name, ActorKind Kind)
{
    public string? Code { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? Aliases { get; init; }

    public IReadOnlyList<string>? Metonyms { get; init; }

    public IReadOnlyList<string>? Demonyms { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ActorCatalogFile))]
internal sealed partial class ActorJsonContext : JsonSerializerContext;
