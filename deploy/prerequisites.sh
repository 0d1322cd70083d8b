#!/usr/bin/env bash
# Installs what FrontlineCare needs from Debian's packages, only when it is missing:
#   postgres  - the PostgreSQL server (initdb/pg_ctl) for the project-local cluster
#   chromium  - Debian's Chromium, driven by the browser tests, and a CJK font so pages render Chinese
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

have_postgres() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }

for need in "$@"; do
  case "$need" in
    postgres)
      if ! have_postgres; then
        echo "Installing the PostgreSQL server (apt)..."
        apt_install postgresql postgresql-contrib
      fi ;;
    chromium)
      if [ ! -x /usr/bin/chromium ]; then
        echo "Installing Chromium (apt)..."
        apt_install chromium fonts-wqy-microhei
      fi ;;
    *) echo "unknown prerequisite: $need" >&2; exit 2 ;;
  esac
done
