namespace BriefingBot.Hosting.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Standard OpenTelemetry variable; when present the OTLP exporter is on even without <see cref="OtlpEndpoint"/>.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Serve <c>GET /metrics</c> in the Prometheus text format.</summary>
    public bool Prometheus { get; set; }

    /// <summary>Export metrics and traces over OTLP to this collector.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
