using System.Reflection;
using System.Text.RegularExpressions;

namespace BriefingBot.Tests.Architecture;

/// <summary>
/// Features (Articles, Analysis, Actors, Digests, Polls, and any folder added beside them) talk to chat only through
/// <c>BriefingBot.Chat</c>; they never name a platform. Only <c>Platforms/</c> itself and the wiring in
/// <c>Hosting/</c> may. Checked in the source (usings, aliases, fully-qualified names) and in the compiled types.
/// </summary>
public sealed partial class FeatureBoundaryTests
{
    private static readonly string[] Features = ["Articles", "Analysis", "Actors", "Digests", "Polls"];

    /// <summary>The folders allowed to name a platform: the platforms, and the builder that registers them.</summary>
    private static readonly string[] Allowed = ["Platforms", "Hosting"];

    [Fact]
    public void FeatureSources_NoFileUsesPlatformsNamespace()
    {
        var src = Path.Combine(RepositoryRoot(), "src", "BriefingBot");
        Assert.All(Features, f => Assert.True(Directory.Exists(Path.Combine(src, f)), $"feature folder {f} is missing"));
        var folders = Directory.EnumerateDirectories(src)
            .Select(Path.GetFileName)
            .Where(f => f is not ("bin" or "obj") && !Allowed.Contains(f))
            .ToList();
        var files = folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(src, f!), "*.cs", SearchOption.AllDirectories)).ToList();

        var offenders = files
            .SelectMany(file => PlatformReferences(File.ReadAllText(file)).Select(line => $"{Path.GetRelativePath(src, file)}: {line}"))
            .ToList();

        Assert.True(files.Count > 50, $"only {files.Count} feature files found under {src}");
        Assert.True(offenders.Count == 0, "Features must not use BriefingBot.Platforms:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void FeatureTypes_NoSignatureOrBaseTypeFromPlatforms()
    {
        var featureTypes = typeof(BriefingBot.Chat.IChatPlatform).Assembly.GetTypes()
            .Where(t => t.Namespace?.Split('.') is ["BriefingBot", var area, ..] && !Allowed.Contains(area));

        var offenders = featureTypes
            .SelectMany(t => ReferencedTypes(t).Where(IsPlatformType).Select(r => $"{t.FullName} -> {r.FullName}"))
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0, string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("using BriefingBot.Platforms.Discord;")]
    [InlineData("using Render = BriefingBot.Platforms.Slack.SlackRenderer;")]
    [InlineData("using static BriefingBot.Platforms.Discord.DiscordLimits;")]
    [InlineData("    var n = BriefingBot.Platforms.Discord.DiscordLimits.ActionRows;")]
    [InlineData("    catch (global::BriefingBot.Platforms.Slack.SlackApiException) { }")]
    public void PlatformReferences_SourceNamingAPlatform_IsFound(string line)
    {
        var source = $"namespace BriefingBot.Digests;\n\n{line}\n";

        Assert.Equal([line.Trim()], PlatformReferences(source));
    }

    [Fact]
    public void PlatformReferences_CommentOrChatNamespace_IsNotFound()
    {
        var source = "using BriefingBot.Chat;\n// Discord and Slack renderers live in BriefingBot.Platforms.\n/// <summary>See BriefingBot.Platforms.Discord.</summary>\n";

        Assert.Empty(PlatformReferences(source));
    }

    /// <summary>Lines of code (comments skipped) that name the <c>BriefingBot.Platforms</c> namespace.</summary>
    internal static IReadOnlyList<string> PlatformReferences(string source) =>
    [
        .. source.Split('\n')
            .Select(l => l.Trim())
            .Where(l => !l.StartsWith("//", StringComparison.Ordinal))
            .Where(l => PlatformsName().IsMatch(l.Split("//")[0])),
    ];

    [GeneratedRegex(@"\bBriefingBot\s*\.\s*Platforms\b")]
    private static partial Regex PlatformsName();

    private static bool IsPlatformType(Type type) => type.Namespace?.StartsWith("BriefingBot.Platforms", StringComparison.Ordinal) == true;

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<Type?> { type.BaseType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(all).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                direct.Add(info.ReturnType);
            }

            direct.AddRange(method.GetMethodBody()?.LocalVariables.Select(v => v.LocalType) ?? []);
        }

        return direct.Where(t => t is not null).SelectMany(t => Unwrap(t!));
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType ? [type, .. type.GetGenericArguments().SelectMany(Unwrap)] : [type];
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BriefingBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No BriefingBot.sln above " + AppContext.BaseDirectory);
    }
}
