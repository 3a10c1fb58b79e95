# Installs the newest Node.js release matching NODE_VERSION into ~/.local/node and puts it first on the PATH of the
# job's later steps ($BASH_ENV): for a version no CircleCI image is tagged with (a bare major such as 20, lts/iron).
# NODE_VERSION: 20, 20.11, 20.11.1, v20, 20.x, lts/*, lts/<codename>, node, latest or current.
# NODE_DIST: where releases are listed and downloaded (default: nodejs.org); tests point it at a local copy.
set -euo pipefail
dist="${NODE_DIST:-https://nodejs.org/dist}"
wanted="${NODE_VERSION#v}"
wanted="${wanted%.x}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "Node.js: no Linux build for $(uname -m)" >&2; exit 1 ;;
esac
# index.tab lists releases newest first; column 1 is the version (v20.11.1), column 10 the LTS codename or '-'.
version="$(curl -fsSL --retry 3 "$dist/index.tab" | awk -F '\t' -v wanted="$wanted" '
  NR == 1 { next }
  wanted == "lts/*" || wanted == "lts" { if ($10 != "-") { print $1; exit } next }
  wanted ~ /^lts\// { if (tolower($10) == tolower(substr(wanted, 5))) { print $1; exit } next }
  wanted == "node" || wanted == "latest" || wanted == "current" { print $1; exit }
  $1 == "v" wanted || index($1, "v" wanted ".") == 1 { print $1; exit }
')"
if [[ -z "$version" ]]; then
  echo "Node.js: no release matches '$NODE_VERSION' at $dist" >&2
  exit 1
fi
target="$HOME/.local/node"
rm -rf "$target"
mkdir -p "$target"
curl -fsSL --retry 3 "$dist/$version/node-$version-linux-$arch.tar.gz" | tar -xz -C "$target" --strip-components=1
# shellcheck disable=SC2016 # expanded by the later steps' shell, which reads $BASH_ENV
echo 'export PATH="$HOME/.local/node/bin:$PATH"' >> "$BASH_ENV"
echo "Node.js $version installed"
