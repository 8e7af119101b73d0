using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BriefingBot.Hosting.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The exporters for <see cref="BotMetrics"/> (registered with the command dispatch): the OpenTelemetry SDK only
    /// when the worker exports something: Prometheus (<c>Telemetry:Prometheus</c>) or OTLP (<c>Telemetry:OtlpEndpoint</c>
    /// or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, BotMode mode, IConfiguration configuration)
    {
        services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.Section);
        if (mode is not (BotMode.Worker or BotMode.Shell))
        {
            return services;
        }

        var prometheus = configuration.GetValue<bool>($"{TelemetryOptions.Section}:{nameof(TelemetryOptions.Prometheus)}");
        var endpoint = configuration.GetValue<Uri?>($"{TelemetryOptions.Section}:{nameof(TelemetryOptions.OtlpEndpoint)}");
        var otlp = endpoint is not null || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TelemetryOptions.OtlpEndpointVariable));
        if (!prometheus && !otlp)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("briefingbot"));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(BotMetrics.MeterName);
            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }
        });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(BotActivity.SourceName));
            if (endpoint is null)
            {
                telemetry.UseOtlpExporter(); // reads the OTEL_EXPORTER_OTLP_* variables itself
            }
            else
            {
                telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, endpoint);
            }
        }

        return services;
    }

    /// <summary>Maps <c>GET /metrics</c> when <c>Telemetry:Prometheus</c> is true.</summary>
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value;
        if (options.Prometheus)
        {
            endpoints.MapPrometheusScrapingEndpoint("/metrics");
        }

        return endpoints;
    }
}
