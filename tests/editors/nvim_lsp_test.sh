#!/usr/bin/env bash
# ctest `nvim_lsp_e2e`: runs nvim_lsp_test.lua in a headless Neovim against `lkml lsp` on a
# copy of looker/. Skipped (exit 77) only when nvim is not installed (`make deps` installs it).
# Usage: nvim_lsp_test.sh LKML_BINARY SOURCE_DIR
set -euo pipefail
lkml=$1
src=$2
if ! command -v nvim > /dev/null; then
  echo "nvim not installed: skipped"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/looker" "$work/looker"
export LKML_PROJECT="$work/looker" LKML_BINARY="$lkml" HOME="$work" XDG_CONFIG_HOME="$work/config" \
  XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
timeout 120 nvim --headless --clean -n -u NONE -i NONE \
  -c "luafile $src/tests/editors/nvim_lsp_test.lua" 2>&1
