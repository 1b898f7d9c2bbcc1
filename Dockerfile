# OCOP Portal for production (SQL Server). Built by docker-compose.yml; see README "Run on SQL Server".
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig OcopPortal.sln ./
COPY src/OcopPortal.Web/OcopPortal.Web.csproj src/OcopPortal.Web/FrontEnd.targets src/OcopPortal.Web/package.json src/OcopPortal.Web/package-lock.json src/OcopPortal.Web/
RUN dotnet restore src/OcopPortal.Web/OcopPortal.Web.csproj
RUN cd src/OcopPortal.Web && npm ci --no-audit --no-fund
COPY src/ src/
# build first (copies front-end files into wwwroot/lib), then publish them in a fresh evaluation
RUN dotnet build src/OcopPortal.Web -c Release --no-restore \
 && dotnet publish src/OcopPortal.Web -c Release --no-build -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=SqlServer
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "OcopPortal.Web.dll"]
