namespace BriefingBot.Analysis.Actors;

/// <summary>One way of writing an actor's name, and how it reaches the actor (name, alias or demonym).</summary>
public sealed record ActorName(string Surface, Actor Actor, string Via);
