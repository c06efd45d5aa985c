#!/usr/bin/env bash
# Builds doorstep and doorstep-server with the PostgreSQL package trait and keeps them side by
# side in .build/postgres/, where the end-to-end tests over PostgreSQL look for them (or set
# DOORSTEP_POSTGRES_BIN to another folder). `swift test` afterwards builds the plain binaries
# again, which takes a minute: the two builds share everything but the app and its executables.
#   bash scripts/postgres-binaries.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --traits PostgreSQL --product doorstep
swift build --traits PostgreSQL --product doorstep-server
from=$(swift build --traits PostgreSQL --show-bin-path)
rm -rf .build/postgres
mkdir -p .build/postgres
cp "$from/doorstep" "$from/doorstep-server" .build/postgres/
# (resource bundles of dependencies, looked for beside the binary)
for bundle in "$from"/*.resources; do [ -e "$bundle" ] && cp -R "$bundle" .build/postgres/; done
echo "postgres-binaries: $(ls .build/postgres | tr '\n' ' ')"
