// Terminal facts for renderers: colour when stdout is a TTY (and NO_COLOR is unset).
#pragma once

#include <string>

namespace lkml::cli {

/// `mode` is "auto", "always" or "never".
bool useColor(const std::string& mode, int fd);

}  // namespace lkml::cli
