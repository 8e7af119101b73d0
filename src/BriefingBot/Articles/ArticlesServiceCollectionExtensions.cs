using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;

namespace BriefingBot.Articles;

public static class ArticlesServiceCollectionExtensions
{
    public static IServiceCollection AddArticles(this IServiceCollection services, BotMode mode)
    {
        services.AddValidatedOptions<ArticlesOptions>(ArticlesOptions.Section);

        services.AddCommand<ArticleAddCommand>();
        services.AddCommand<ArticleListCommand>();
        services.AddCommand<ArticleSearchCommand>();
        services.AddCommand<ArticleShowCommand>();
        return services;
    }
}
