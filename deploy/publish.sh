#!/usr/bin/env bash
# Publishes the portal for a server: a self-contained folder (default artifacts/publish) to run with
#   cd artifacts/publish && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default='Host=…' dotnet FrontlineCare.Web.dll
# and, with --migrations-script, the idempotent SQL of every migration (artifacts/publish/migrate.sql) for a DBA to
# apply before the start (then set Database__MigrateOnStartup=false). See docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-artifacts/publish}"
script=""
for arg in "$@"; do
  case "$arg" in
    --migrations-script) script=1 ;;
    *) echo "usage: deploy/publish.sh [--migrations-script]   (OUT=folder to change artifacts/publish)" >&2; exit 2 ;;
  esac
done
dotnet publish src/FrontlineCare.Web -c Release -o "$out" -v q -nologo
if [ -n "$script" ]; then
  dotnet tool restore >/dev/null
  dotnet dotnet-ef migrations script --idempotent --project src/FrontlineCare.Core --startup-project src/FrontlineCare.Core \
    -o "$out/migrate.sql"
fi
echo "published to $out"
