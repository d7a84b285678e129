#include "cli/terminal.h"

#include <unistd.h>

#include <cstdlib>

namespace lkml::cli {

bool useColor(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return isatty(fd) != 0;
}

}  // namespace lkml::cli
