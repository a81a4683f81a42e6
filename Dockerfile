# QaBot: multi-stage build on the official .NET 10 images.
# The SDK is pinned (warnings are errors: a newer SDK's new analyzers must not break a build by surprise).
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
WORKDIR /src

# Restore first, from the project files only, so that the layer is cached until a dependency changes. Every project in the
# host's reference closure must be copied here (a test, DockerfileTests, checks it).
COPY Directory.Build.props Directory.Packages.props QaBot.sln ./
COPY src/QaBot.Knowledge/QaBot.Knowledge.csproj src/QaBot.Knowledge/
COPY src/QaBot.Answering/QaBot.Answering.csproj src/QaBot.Answering/
COPY src/QaBot.Analytics/QaBot.Analytics.csproj src/QaBot.Analytics/
COPY src/QaBot.Moderation/QaBot.Moderation.csproj src/QaBot.Moderation/
COPY src/QaBot.State.Redis/QaBot.State.Redis.csproj src/QaBot.State.Redis/
COPY src/QaBot.Embeddings/QaBot.Embeddings.csproj src/QaBot.Embeddings/
COPY src/QaBot.Teams/QaBot.Teams.csproj src/QaBot.Teams/
COPY src/QaBot.Discord/QaBot.Discord.csproj src/QaBot.Discord/
COPY src/QaBot.Host/QaBot.Host.csproj src/QaBot.Host/
RUN dotnet restore src/QaBot.Host/QaBot.Host.csproj -r linux-x64

COPY . .
# One runtime: without -r, publish copies native libraries (ONNX Runtime, SQLite) for every platform.
RUN dotnet publish src/QaBot.Host/QaBot.Host.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# knowledge/ and appsettings.json ship with the image; mount a volume on /app/knowledge or set
# QaBot__Knowledge__Paths__0 to serve other knowledge, and override any setting with environment variables.
# ASPNETCORE_HTTP_PORTS is cleared: the base image's 8080 would otherwise be overridden by Urls with a warning at every start.
ENV Urls=http://0.0.0.0:8080 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_gcServer=0 \
    QaBot__Embeddings__CachePath=/app/.qabot/vectors \
    QaBot__Analytics__DatabasePath=/app/.qabot/analytics.db
# The passage-vector cache and the analytics database must be writable by the non-root user (mount a volume on
# /app/.qabot to keep them across restarts; set QaBot__Analytics__HashKey, or keep the generated analytics.key there).
RUN mkdir -p /app/.qabot/vectors && chown -R $APP_UID /app/.qabot
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["dotnet", "qabot.dll", "health", "--url", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "qabot.dll"]
CMD ["serve"]
