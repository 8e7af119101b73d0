using BriefingBot.Hosting;

namespace BriefingBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The store chosen by <c>Storage:Provider</c>, migrated at start-up before anything else runs.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        return services;
    }
}
