namespace BriefingBot.Platforms.Discord.Gateway;

public enum SessionEnd
{
    /// <summary>Reconnect on <c>resume_gateway_url</c> and RESUME.</summary>
    Resume,

    /// <summary>Start a new session: connect to the gateway URL and IDENTIFY.</summary>
    Reidentify,

    /// <summary>Discord said not to reconnect: stop the Discord side.</summary>
    Fatal,
}

public static class GatewayCloseCodes
{
    /// <summary>Ours for zombie connections, op 7 and op 9 (true): anything but 1000/1001 keeps the session resumable.</summary>
    public const int Resumable = 4000;

    public const int AuthenticationFailed = 4004;

    public static SessionEnd Classify(int? code) => code switch
    {
        4004 or (>= 4010 and <= 4014) => SessionEnd.Fatal,
        4007 or 4009 or 1000 or 1001 => SessionEnd.Reidentify,
        _ => SessionEnd.Resume,
    };

    public static string Explain(int code) => code switch
    {
        4004 => "authentication failed: Discord:Token is wrong or was reset",
        4010 => "invalid shard: check Discord:ShardId and Discord:ShardCount",
        4011 => "sharding required: set Discord:ShardCount (and run one process per Discord:ShardId)",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: a privileged intent is not enabled in the Developer Portal",
        _ => "closed by Discord",
    };
}
