# syntax=docker/dockerfile:1
# Build and publish with the SDK, run on the ASP.NET runtime image as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/BriefingBot/BriefingBot.csproj src/BriefingBot/
RUN dotnet restore src/BriefingBot/BriefingBot.csproj
COPY config/ config/
COPY src/ src/
RUN dotnet publish src/BriefingBot/BriefingBot.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The SQLite store lives on a volume; secrets come from the environment only.
# No terminal in a container: without platform tokens the worker runs headless instead of opening the shell.
ENV ASPNETCORE_URLS=http://+:8080 \
    BriefingBot__Storage__SqlitePath=/data/briefingbot.db \
    BriefingBot__Shell__Enabled=false \
    DOTNET_gcServer=0
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
USER app
EXPOSE 8080
# docker stop sends SIGTERM; the worker drains within Hosting:ShutdownTimeoutSeconds (30 s), so give it a little more.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["dotnet", "BriefingBot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "BriefingBot.dll"]
