#!/usr/bin/env bash
# Smoke check of a published build on its own, in Production: publishes (deploy/publish.sh), creates a throwaway
# PostgreSQL cluster in a temp folder, starts the published portal against it with a real connection string (no demo
# data, migrations applied at start), and checks that the sign-in page, the Blazor script and MudBlazor's files
# answer 200 and that the API reference is off. Cleans up after itself. Prints "smoke: N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
bash deploy/prerequisites.sh postgres
bin="$(dirname "$(readlink -f "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")")"
tmp="$(mktemp -d /tmp/frontlinecare-smoke-XXXXXX)"
out="$tmp/publish"
pgport="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
webport="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
portal=""
cleanup() {
  if [ -n "$portal" ]; then kill "$portal" 2>/dev/null || true; wait "$portal" 2>/dev/null || true; fi
  as_pg "$bin/pg_ctl" -D "$tmp/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

OUT="$out" bash deploy/publish.sh
mkdir -p "$tmp/pg" "$tmp/socket"
echo "smoke-$RANDOM$RANDOM" > "$tmp/pwfile"
if [ "$(id -u)" = 0 ]; then chown -R postgres: "$tmp"; fi
as_pg "$bin/initdb" -D "$tmp/pg" -U postgres -A scram-sha-256 --pwfile "$tmp/pwfile" -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_pg "$bin/pg_ctl" -D "$tmp/pg" -l "$tmp/postgres.log" -w \
  -o "-p $pgport -k $tmp/socket -c listen_addresses=127.0.0.1 -c fsync=off -c log_error_verbosity=terse -c log_min_error_statement=panic" start >/dev/null
password="$(cat "$tmp/pwfile")"

# Started from another folder on purpose: the published build finds its own files wherever it is started from.
cd /
ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__Default="Host=127.0.0.1;Port=$pgport;Database=postgres;Username=postgres;Password=$password;SSL Mode=Disable" \
Scheduling__Enabled=false \
Serilog__WriteTo__1__Args__path="$tmp/logs/frontlinecare-.json" \
  dotnet "$out/FrontlineCare.Web.dll" --urls "http://127.0.0.1:$webport" > "$tmp/portal.out" 2>&1 &
portal=$!
cd "$root"

base="http://127.0.0.1:$webport"
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null; then break; fi
  if ! kill -0 "$portal" 2>/dev/null; then echo "the portal stopped:"; cat "$tmp/portal.out"; exit 1; fi
  sleep 1
done

passed=0; failed=0
expect() { # status path
  local got; got="$(curl -s -o /dev/null -w '%{http_code}' "$base$2")"
  if [ "$got" = "$1" ]; then passed=$((passed+1)); echo "ok   $1 $2"; else failed=$((failed+1)); echo "FAIL $2: $got, expected $1"; fi
}
expect 200 /health/ready
expect 200 /account/login
expect 200 /_framework/blazor.web.js
expect 200 "$(curl -s "$base/account/login" | grep -o '_content/MudBlazor/MudBlazor.min[^"]*\.js' | head -1 | sed 's|^|/|')"
expect 200 /app.css
# The API reference is off: no such endpoint, so an anonymous caller is sent to the sign-in page.
expect 302 /scalar/v1
expect 302 /openapi/v1.json
expect 302 /
workers="$(PGPASSWORD="$password" "$(command -v psql || echo "$bin/psql")" -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -tAc 'SELECT count(*) FROM workers')"
if [ "$workers" = 0 ]; then passed=$((passed+1)); echo "ok   no demo data, migrations applied"; else failed=$((failed+1)); echo "FAIL workers: $workers"; fi
echo "smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]
