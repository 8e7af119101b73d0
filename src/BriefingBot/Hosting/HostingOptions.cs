using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Hosting;

public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>How long SIGTERM waits for interactions and jobs in flight before the process exits anyway.</summary>
    [Range(1, 3600, ErrorMessage = "Hosting:ShutdownTimeoutSeconds must be between 1 and 3600.")]
    public int ShutdownTimeoutSeconds { get; set; } = 30;
}
