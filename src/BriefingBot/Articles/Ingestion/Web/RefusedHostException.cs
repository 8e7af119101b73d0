namespace BriefingBot.Articles.Ingestion.Web;

/// <summary>Thrown while connecting when every address of a host is private or local.</summary>
public sealed class RefusedHostException(string host)
    : Exception($"{host} is a private or local address; only public hosts can be added from chat")
{
    public string Host { get; } = host;
}
