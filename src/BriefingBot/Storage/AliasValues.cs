using BriefingBot.Actors;
using BriefingBot.Analysis.Actors;

namespace BriefingBot.Storage;

/// <summary>The parameters of the alias statements in <see cref="ActorRows"/>.</summary>
internal static class AliasValues
{
    public static IEnumerable<(string Name, object? Value)> Insert(TaughtAlias alias, object addedAt) =>
        [("@alias", alias.Alias), ("@actor_id", alias.ActorId), ("@added_by", alias.AddedBy), ("@added_at", addedAt)];

    public static IEnumerable<(string Name, object? Value)> Resolve(string alias, Actor actor) =>
        [("@alias", alias), ("@actor_id", actor.Id), ("@actor_name", actor.Name), ("@kind", actor.Kind.ToString()), ("@confidence", ActorRows.TaughtConfidence)];

    public static IEnumerable<(string Name, object? Value)> Unresolve(string alias, string actorId) =>
        [("@alias", alias), ("@actor_id", actorId), ("@confidence", ActorRows.UnresolvedConfidence)];
}
