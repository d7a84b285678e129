// Checks on raw bytes before lexing: binary content and invalid UTF-8 (LKML105, LKML106).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace lkml::grammar {

/// Byte offset of the first invalid UTF-8 sequence, if any.
std::optional<uint32_t> findInvalidUtf8(std::string_view text);

/// True when the text holds a NUL byte, which no text file contains.
bool looksBinary(std::string_view text);

}  // namespace lkml::grammar
