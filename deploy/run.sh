#!/usr/bin/env bash
# Runs the portal with demo data on http://localhost:5080, on a project-local PostgreSQL cluster under .data/pg
# (created and started by the portal itself). Set ConnectionStrings__Default to use your own server instead.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${ConnectionStrings__Default:-}" ]; then bash deploy/prerequisites.sh postgres; fi
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Seed__DemoData="${Seed__DemoData:-true}"
exec dotnet run --project src/FrontlineCare.Web --urls "${URLS:-http://localhost:5080}" "$@"
