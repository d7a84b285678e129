// `lkml hook install`: a git pre-commit hook for plain git (without the pre-commit framework,
// which uses .pre-commit-hooks.yaml instead). The hook lints, as staged, every LookML project
// that holds a staged .lkml file, offline against a catalog snapshot when one is configured,
// and blocks the commit when lkml reports errors.
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <climits>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace lkml::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kMarker = "# lkml-pre-commit-hook";

// The hook. @LKML@ becomes the absolute path of the lkml that installed it.
constexpr const char* kHookScript = R"SH(#!/bin/sh
# lkml-pre-commit-hook (written by `lkml hook install`; rerun it to update this file)
#
# Lints the LookML projects that contain staged .lkml files, exactly as staged, and blocks
# the commit when lkml reports errors. A project is the nearest folder above a staged file
# holding manifest.lkml, lkml.json or lkml-schema.json, else the file's top-level folder.
# Catalog checks run offline when a snapshot exists: PROJECT/lkml-schema.json, or the file
# named by `git config lkml.schema` (relative to the repository root) or $LKML_SCHEMA.
# Skip once with `git commit --no-verify`.
LKML="${LKML:-@LKML@}"
if ! command -v "$LKML" >/dev/null 2>&1; then LKML=lkml; fi
if ! command -v "$LKML" >/dev/null 2>&1; then
  echo "lkml pre-commit: cannot find lkml (set LKML=/path/to/lkml)" >&2
  exit 1
fi
top=$(git rev-parse --show-toplevel) || exit 1
cd "$top" || exit 1
# Deletions and renames count: removing a view breaks the references to it elsewhere.
staged=$(git diff --cached --name-only --diff-filter=ACMRD -- '*.lkml')
[ -n "$staged" ] || exit 0

roots=$(printf '%s\n' "$staged" | while IFS= read -r f; do
  d=$(dirname "$f")
  root=""
  while :; do
    if [ -e "$d/manifest.lkml" ] || [ -e "$d/lkml.json" ] || [ -e "$d/lkml-schema.json" ]; then
      root=$d
      break
    fi
    [ "$d" = "." ] && break
    d=$(dirname "$d")
  done
  if [ -z "$root" ]; then
    case "$f" in */*) root=${f%%/*} ;; *) root=. ;; esac
  fi
  printf '%s\n' "$root"
done | sort -u)

configured=${LKML_SCHEMA:-$(git config --get lkml.schema 2>/dev/null)}
if [ -n "$configured" ]; then
  case "$configured" in /*) ;; *) configured="$top/$configured" ;; esac
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lkml-hook.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
status=0
while IFS= read -r root; do
  git ls-files -z -- "$root" | git checkout-index -z --stdin --prefix="$tmp/" || exit 1
  schema=""
  if [ -f "$top/$root/lkml-schema.json" ]; then
    schema="$top/$root/lkml-schema.json"
  elif [ -n "$configured" ]; then
    schema=$configured
  fi
  if [ -n "$schema" ]; then
    (cd "$tmp" && "$LKML" lint "$root" --schema "$schema") || status=1
  else
    (cd "$tmp" && "$LKML" lint "$root") || status=1
  fi
done <<ROOTS
$roots
ROOTS
if [ "$status" -ne 0 ]; then
  echo "lkml pre-commit: fix the errors above, or skip the check with git commit --no-verify" >&2
fi
exit $status
)SH";

// Runs a command and returns its trimmed stdout; false when it fails.
bool capture(const std::string& command, std::string* out) {
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe) return false;
  std::array<char, 4096> buffer{};
  out->clear();
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out->append(buffer.data(), n);
  int status = pclose(pipe);
  while (!out->empty() && (out->back() == '\n' || out->back() == '\r')) out->pop_back();
  return status == 0;
}

std::string selfPath() {
  std::array<char, PATH_MAX> buffer{};
  ssize_t n = readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
  if (n <= 0) return "lkml";
  return std::string(buffer.data(), static_cast<size_t>(n));
}

struct HookOptions {
  bool force = false;
  std::string lkml;
};

int runHookInstall(const HookOptions& options) {
  std::string hooks;
  if (!capture("git rev-parse --git-path hooks", &hooks) || hooks.empty()) {
    std::cerr << "lkml: error: not inside a git repository (run `lkml hook install` in one)\n";
    return kExitUsage;
  }
  std::error_code ec;
  fs::create_directories(hooks, ec);
  fs::path hook = fs::path(hooks) / "pre-commit";
  bool exists = fs::exists(hook, ec);
  std::string backup;
  if (exists) {
    std::ifstream in(hook);
    std::stringstream text;
    text << in.rdbuf();
    bool ours = text.str().find(kMarker) != std::string::npos;
    if (!ours && !options.force) {
      std::cerr << "lkml: error: " << hook.string()
                << " exists and was not written by lkml; not overwriting it\n"
                << "  = help: rerun with --force (the old hook is kept as pre-commit.backup), or "
                   "call `lkml lint` from your hook\n";
      return kExitUsage;
    }
    if (!ours) {
      backup = (fs::path(hooks) / "pre-commit.backup").string();
      fs::rename(hook, backup, ec);
      if (ec) {
        std::cerr << "lkml: error: cannot move the old hook to " << backup << ": " << ec.message()
                  << "\n";
        return kExitUsage;
      }
    }
  }
  std::string script = kHookScript;
  std::string lkml = options.lkml.empty() ? selfPath() : options.lkml;
  script.replace(script.find("@LKML@"), 6, lkml);
  {
    std::ofstream out(hook, std::ios::binary | std::ios::trunc);
    out << script;
    if (!out) {
      std::cerr << "lkml: error: cannot write " << hook.string() << "\n";
      return kExitUsage;
    }
  }
  if (chmod(hook.c_str(), 0755) != 0) {
    std::cerr << "lkml: error: cannot make " << hook.string() << " executable\n";
    return kExitUsage;
  }
  std::cerr << "lkml: " << (exists && backup.empty() ? "updated " : "installed ") << hook.string()
            << " (runs " << lkml << ")\n";
  if (!backup.empty()) std::cerr << "lkml: the previous hook is kept as " << backup << "\n";
  return kExitOk;
}

}  // namespace

void addHookCommand(CLI::App& app, int* exit_code) {
  auto* hook = app.add_subcommand("hook", "Git integration");
  hook->require_subcommand(1);
  auto* cmd = hook->add_subcommand(
      "install", "Install a git pre-commit hook that lints staged LookML projects");
  auto options = std::make_shared<HookOptions>();
  cmd->add_flag("--force", options->force,
                "replace a pre-commit hook lkml did not write (kept as pre-commit.backup)");
  cmd->add_option(
      "--lkml", options->lkml,
      "the lkml the hook runs (default: this executable; LKML=... overrides at run time)");
  cmd->footer(
      "The hook lints each project holding staged .lkml files, as staged, and blocks the commit\n"
      "on errors; with PROJECT/lkml-schema.json (or `git config lkml.schema FILE`) it also runs\n"
      "the catalog checks offline. With the pre-commit framework use .pre-commit-hooks.yaml\n"
      "(hook id lkml-lint) instead.");
  cmd->callback([options, exit_code] { *exit_code = runHookInstall(*options); });
}

}  // namespace lkml::cli
