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
ENV ASPNETCORE_URLS=http://+:8080 \
    BriefingBot__Storage__SqlitePath=/data/briefingbot.db \
    DOTNET_gcServer=0
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["dotnet", "BriefingBot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "BriefingBot.dll"]
