using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Platforms.Slack;

/// <summary>The <c>Slack</c> section. Tokens and the signing secret come from the environment only and are never logged.</summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";
    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    public string? BotToken { get; set; }

    public string? AppToken { get; set; }

    public string? SigningSecret { get; set; }

    public SlackMode Mode { get; set; } = SlackMode.SocketMode;

    public IList<string> AdminUserIds { get; } = [];

    public Uri ApiBaseUrl { get; set; } = new(DefaultApiBaseUrl);

    /// <summary>How long a slash command may run before we acknowledge and send its answer to response_url instead.</summary>
    public TimeSpan InlineReplyBudget { get; set; } = TimeSpan.FromMilliseconds(2500);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(BotToken) || !BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            yield return Fail("BotToken", "must be a bot token starting with xoxb-");
        }

        if (Mode == SlackMode.SocketMode)
        {
            if (string.IsNullOrEmpty(AppToken))
            {
                yield return Fail("AppToken", "is required when Slack:Mode is SocketMode");
            }
            else if (!AppToken.StartsWith("xapp-", StringComparison.Ordinal))
            {
                yield return Fail("AppToken", "must be an app-level token starting with xapp-");
            }
        }

        if (Mode == SlackMode.Http && string.IsNullOrEmpty(SigningSecret))
        {
            yield return Fail("SigningSecret", "is required when Slack:Mode is Http");
        }

        if (!ApiBaseUrl.IsAbsoluteUri || ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            yield return Fail("ApiBaseUrl", "must be an absolute http(s) URL");
        }

        if (InlineReplyBudget <= TimeSpan.Zero || InlineReplyBudget >= TimeSpan.FromSeconds(3))
        {
            yield return Fail("InlineReplyBudget", "must be more than 0 and less than 3 seconds (Slack's acknowledgement deadline)");
        }
    }

    /// <summary>Every failure names the key and the environment variable that sets it; never the value.</summary>
    private static ValidationResult Fail(string key, string problem) =>
        new($"{Section}:{key} {problem} (set BriefingBot__{Section}__{key})", [key]);
}
