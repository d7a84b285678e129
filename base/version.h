#pragma once

namespace lkml {
inline constexpr const char* kLkmlVersion = "0.1.0";
}
