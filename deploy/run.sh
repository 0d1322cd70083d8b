#!/usr/bin/env bash
# Runs the portal on http://localhost:5080. By default the demo: Development, with demo data, on a project-local
# PostgreSQL cluster under .data/pg (created and started by the portal itself). Set ConnectionStrings__Default to use
# your own server instead. ASPNETCORE_ENVIRONMENT=Production starts in Production (no demo data unless
# Seed__DemoData=true): the launch profile is not used, so it cannot override the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${ConnectionStrings__Default:-}" ]; then bash deploy/prerequisites.sh postgres; fi
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
if [ "$ASPNETCORE_ENVIRONMENT" = "Development" ]; then
  export Seed__DemoData="${Seed__DemoData:-true}"
else
  export Seed__DemoData="${Seed__DemoData:-false}"
fi
exec dotnet run --no-launch-profile --project src/FrontlineCare.Web --urls "${URLS:-http://localhost:5080}" "$@"
