#!/usr/bin/env bash
# Runs every test: Core (rules, validators, services on a real throwaway PostgreSQL) and Web (bUnit, the HTTP
# API through the real host, and browser tests in Debian's Chromium). Installs PostgreSQL and Chromium if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/prerequisites.sh postgres chromium
mkdir -p artifacts
status=0
dotnet test FrontlineCare.sln --logger "console;verbosity=minimal" 2>&1 | tee artifacts/test-output.txt || status=$?
# One closing line that any CI can read.
passed=$(grep -oE 'Passed: +[0-9]+' artifacts/test-output.txt | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' artifacts/test-output.txt | awk '{s+=$2} END {print s+0}')
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "${passed:-0}" = 0 ]; then echo "no test ran" >&2; exit 1; fi
exit "$status"
