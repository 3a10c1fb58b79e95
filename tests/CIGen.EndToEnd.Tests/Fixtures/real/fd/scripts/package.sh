#!/usr/bin/env bash
# Stand-in: packs target/$1/release/ff with the docs into an archive.
set -euo pipefail
echo "package $1"
