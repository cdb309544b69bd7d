#!/usr/bin/env bash
# The whole test suite: installs what the tests need (idempotent), builds, runs every test project.
#   eng/test.sh [extra dotnet test arguments, e.g. --filter Category!=Slow]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
"$repo/eng/bootstrap" --test
dotnet build Detector.sln -c Release --nologo -v q -clp:ErrorsOnly
dotnet test Detector.sln -c Release --no-build --nologo \
  --logger "console;verbosity=minimal" --blame-hang-timeout 10m "$@"
