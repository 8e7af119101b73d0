namespace BriefingBot.Chat.Commands;

/// <summary>Option values converted to their declared types by the dispatcher.</summary>
public sealed class CommandOptions(IReadOnlyDictionary<string, object> values)
{
    public static CommandOptions Empty { get; } = new(new Dictionary<string, object>());

    public bool Has(string name) => values.ContainsKey(name);

    public string? GetString(string name) => values.TryGetValue(name, out var v) ? (string)v : null;

    public string GetRequiredString(string name) => GetString(name) ?? throw new KeyNotFoundException(name);

    public long? GetInteger(string name) => values.TryGetValue(name, out var v) ? (long)v : null;

    public double? GetNumber(string name) => values.TryGetValue(name, out var v) ? (double)v : null;

    public bool? GetBoolean(string name) => values.TryGetValue(name, out var v) ? (bool)v : null;
}
