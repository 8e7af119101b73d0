using System.Security.Cryptography;

namespace BriefingBot.Analysis.Actors;

/// <summary>The SHA-256 of the actor catalogue file as loaded: when it changes, stored analyses are out of date.</summary>
public sealed record ActorCatalogVersion(string Hash)
{
    public static ActorCatalogVersion FromFile(string path) => new(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
}
