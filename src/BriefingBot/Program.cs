using BriefingBot.Hosting;

// BriefingBot: a chat bot for teams who follow world events. See README.md.
//   (no command)  the worker: platforms, schedules, HTTP endpoints; the shell when no platform is configured
//   shell         the terminal chat
//   ingest ...    bulk ingestion, ending with "ingested N, duplicates D, failed F"
return await StartupGuard.RunAsync(args, async (commandLine, cancellationToken) =>
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = commandLine.ConfigurationArgs });
    builder.AddBriefingBot(commandLine);
    await using var app = builder.Build();
    app.MapBriefingBot();
    return await app.RunBriefingBotAsync(commandLine, cancellationToken);
});
