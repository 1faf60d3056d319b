#!/bin/sh
# Installs outturn on Linux (x86_64) or macOS (Apple silicon or Intel) from a
# GitHub release: downloads the binary for this machine, checks its SHA-256
# checksum, and puts it in ~/.local/bin (or OUTTURN_INSTALL_DIR).
#
#   curl -LsSf https://github.com/OWNER/outturn/releases/latest/download/install.sh | sh
#   sh install.sh [--version v1.2.3] [--to DIR]
#
# Settings, as options or in the environment:
#   --version, OUTTURN_VERSION      a release tag such as v1.2.3 (default: the latest)
#   --to, OUTTURN_INSTALL_DIR       where the binary goes (default: ~/.local/bin)
#   OUTTURN_REPO                    the GitHub repository, OWNER/NAME
#   OUTTURN_DOWNLOAD_URL            where the assets are, instead of the release's
#                                   address (a mirror, or a copy on an intranet)

set -eu

# The release workflow writes its own repository here.
DEFAULT_REPO="outturn/outturn"

say() {
    printf 'outturn installer: %s\n' "$1" >&2
}

fail() {
    say "$1"
    exit 1
}

repo="${OUTTURN_REPO:-$DEFAULT_REPO}"
version="${OUTTURN_VERSION:-latest}"
install_dir="${OUTTURN_INSTALL_DIR:-${HOME:-}/.local/bin}"

while [ $# -gt 0 ]; do
    case "$1" in
        --version)
            [ $# -ge 2 ] || fail "--version needs a release tag, such as v1.2.3"
            version="$2"
            shift 2
            ;;
        --to)
            [ $# -ge 2 ] || fail "--to needs a folder"
            install_dir="$2"
            shift 2
            ;;
        -h | --help)
            sed -n '2,15p' "$0" 2>/dev/null | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            fail "unknown option $1 (the options are --version TAG and --to DIR)"
            ;;
    esac
done

# The target this machine runs.
os=$(uname -s)
arch=$(uname -m)
case "$os" in
    Linux)
        case "$arch" in
            x86_64 | amd64) target="x86_64-unknown-linux-musl" ;;
            *) fail "there is no outturn binary for Linux on $arch: build it from source (the README's Install section says how)" ;;
        esac
        ;;
    Darwin)
        # A shell under Rosetta says x86_64 on Apple silicon: ask the machine.
        if [ "$arch" = "x86_64" ] && [ "$(sysctl -n sysctl.proc_translated 2>/dev/null || echo 0)" = "1" ]; then
            arch="arm64"
        fi
        case "$arch" in
            arm64 | aarch64) target="aarch64-apple-darwin" ;;
            x86_64) target="x86_64-apple-darwin" ;;
            *) fail "there is no outturn binary for macOS on $arch" ;;
        esac
        ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT)
        fail "on Windows, use the PowerShell installer, install.ps1"
        ;;
    *)
        fail "there is no outturn binary for $os: build it from source (the README's Install section says how)"
        ;;
esac

asset="outturn-$target.tar.xz"
if [ -n "${OUTTURN_DOWNLOAD_URL:-}" ]; then
    base="${OUTTURN_DOWNLOAD_URL%/}"
elif [ "$version" = "latest" ]; then
    base="https://github.com/$repo/releases/latest/download"
else
    base="https://github.com/$repo/releases/download/$version"
fi

download() {
    if command -v curl > /dev/null 2>&1; then
        curl --fail --location --silent --show-error --output "$2" "$1"
    elif command -v wget > /dev/null 2>&1; then
        wget --quiet --output-document="$2" "$1"
    else
        fail "neither curl nor wget is installed: install one of them"
    fi
}

sha256() {
    if command -v sha256sum > /dev/null 2>&1; then
        sha256sum "$1" | cut -d ' ' -f 1
    elif command -v shasum > /dev/null 2>&1; then
        shasum -a 256 "$1" | cut -d ' ' -f 1
    else
        fail "neither sha256sum nor shasum is installed, so the download cannot be checked"
    fi
}

command -v tar > /dev/null 2>&1 || fail "tar is not installed"
if [ "$os" = "Linux" ] && ! command -v xz > /dev/null 2>&1; then
    fail "xz is not installed, and the download is a .tar.xz: install xz-utils (Debian, Ubuntu) or xz"
fi

work=$(mktemp -d 2>/dev/null || mktemp -d -t outturn)
trap 'rm -rf "$work"' EXIT INT TERM

say "downloading $base/$asset"
download "$base/$asset" "$work/$asset" || fail "could not download $base/$asset"
download "$base/$asset.sha256" "$work/$asset.sha256" || fail "could not download $base/$asset.sha256"

expected=$(cut -d ' ' -f 1 < "$work/$asset.sha256" | tr 'A-F' 'a-f')
actual=$(sha256 "$work/$asset")
if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
    fail "the download's SHA-256 is $actual, but the release says ${expected:-nothing}: not installed (try again; if it persists, report it)"
fi
say "checksum matches ($actual)"

tar -xJf "$work/$asset" -C "$work"
binary="$work/outturn-$target/outturn"
[ -f "$binary" ] || fail "$asset does not hold outturn-$target/outturn"

mkdir -p "$install_dir" || fail "could not create $install_dir"
# Moved into place whole, so a running copy is never half overwritten.
cp "$binary" "$install_dir/.outturn.new"
chmod 755 "$install_dir/.outturn.new"
mv -f "$install_dir/.outturn.new" "$install_dir/outturn"
say "installed $("$install_dir/outturn" --version 2>/dev/null || echo outturn) as $install_dir/outturn"

case ":${PATH:-}:" in
    *":$install_dir:"*) ;;
    *) say "$install_dir is not on your PATH: add it, for example with this line in ~/.profile (or ~/.zshrc on macOS):
    export PATH=\"$install_dir:\$PATH\"" ;;
esac
