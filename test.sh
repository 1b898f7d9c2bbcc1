#!/usr/bin/env bash
# Runs every test of OCOP Portal (unit, HTTP on real SQLite files, PDF, and Chromium browser tests).
# Installs Debian's Chromium first when it is missing (browser tests drive /usr/bin/chromium; no browser download).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x "${OCOP_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Installing Chromium from Debian (apt)..."
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium
fi

dotnet test OcopPortal.sln --nologo "$@"
