namespace BriefingBot.Actors;

/// <summary>Loads the taught aliases at start-up, after the store is migrated and before analysis begins.</summary>
public sealed class ActorAliasLoader(ActorAliases aliases) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => aliases.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
