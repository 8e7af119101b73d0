using System.Security.Cryptography;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Tests.Analysis.Learning;

/// <summary>The SHA-256 of a logistic model as saved: equal hashes, equal models.</summary>
internal static class ModelHash
{
    public static string Of(LogisticModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return Convert.ToHexString(SHA256.HashData(stream.ToArray()));
    }
}
