# syntax=docker/dockerfile:1
# QaBot: multi-stage build on the official .NET 10 images.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so that the layer is cached until a dependency changes.
COPY Directory.Build.props Directory.Packages.props QaBot.sln ./
COPY src/QaBot.Knowledge/QaBot.Knowledge.csproj src/QaBot.Knowledge/
COPY src/QaBot.Answering/QaBot.Answering.csproj src/QaBot.Answering/
COPY src/QaBot.Analytics/QaBot.Analytics.csproj src/QaBot.Analytics/
COPY src/QaBot.Embeddings/QaBot.Embeddings.csproj src/QaBot.Embeddings/
COPY src/QaBot.Teams/QaBot.Teams.csproj src/QaBot.Teams/
COPY src/QaBot.Discord/QaBot.Discord.csproj src/QaBot.Discord/
COPY src/QaBot.Host/QaBot.Host.csproj src/QaBot.Host/
RUN dotnet restore src/QaBot.Host/QaBot.Host.csproj

COPY . .
RUN dotnet publish src/QaBot.Host/QaBot.Host.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# knowledge/ and appsettings.json ship with the image; mount a volume on /app/knowledge or set
# QaBot__Knowledge__Paths__0 to serve other knowledge, and override any setting with environment variables.
ENV Urls=http://0.0.0.0:8080 \
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
