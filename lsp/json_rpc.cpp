#include "lsp/json_rpc.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace lkml::lsp {

namespace {

// Bytes of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), or 0.
size_t validSequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t n = s.size() - i;
  auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return k < n && byte(i + k) >= lo && byte(i + k) <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (b0 == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;  // no surrogates
  if (b0 == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xF1 && b0 <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// Reads one header line (up to "\n", without "\r\n"). False at the end of the stream. A line
// longer than `limit` is read to its end and truncated, so garbage cannot use up memory.
bool readHeaderLine(std::istream& in, std::string* line, size_t limit = 4096) {
  line->clear();
  bool any = false;
  int c;
  while ((c = in.get()) != std::char_traits<char>::eof()) {
    any = true;
    if (c == '\n') break;
    if (line->size() < limit) line->push_back(static_cast<char>(c));
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return any;
}

// The deepest nesting of arrays and objects in `text`, outside strings; stops counting past
// `limit`.
size_t nestingDepth(const std::string& text, size_t limit) {
  size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

std::string sanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t n = validSequenceLength(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

Frame readFrame(std::istream& in) {
  Frame frame;
  std::string line;
  bool have_length = false, any_header = false;
  size_t length = 0;
  std::string error;
  while (true) {
    if (!readHeaderLine(in, &line)) {
      frame.status = Frame::Status::EndOfStream;
      return frame;
    }
    if (line.empty()) {
      if (!any_header) continue;  // blank lines between messages
      break;
    }
    any_header = true;
    size_t colon = line.find(':');
    if (colon == std::string::npos) {
      error = "header line without ':'";
      continue;
    }
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name != "content-length") continue;  // Content-Type and unknown headers
    std::string value = line.substr(colon + 1);
    size_t b = value.find_first_not_of(" \t");
    size_t e = value.find_last_not_of(" \t");
    value = b == std::string::npos ? "" : value.substr(b, e - b + 1);
    if (value.empty() || value.size() > 12 ||
        !std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
      error = "Content-Length `" + value.substr(0, 40) + "` is not a number";
      have_length = false;
      continue;
    }
    length = std::stoull(value);
    have_length = true;
  }
  if (!have_length) {
    frame.status = Frame::Status::BadHeader;
    frame.error = error.empty() ? "no Content-Length header" : error;
    return frame;
  }
  if (length > kMaxMessageBytes) {
    // Skip the body so the next message is found; the message itself is refused.
    in.ignore(static_cast<std::streamsize>(length));
    frame.status = in ? Frame::Status::BadHeader : Frame::Status::EndOfStream;
    frame.error = "message of " + std::to_string(length) + " bytes exceeds the limit";
    return frame;
  }
  frame.body.resize(length);
  in.read(frame.body.data(), static_cast<std::streamsize>(length));
  if (static_cast<size_t>(in.gcount()) != length) {
    frame.status = Frame::Status::EndOfStream;  // the client went away mid-message
    frame.body.clear();
    return frame;
  }
  frame.status = Frame::Status::Message;
  return frame;
}

Json errorResponse(const Json& id, int code, const std::string& message) {
  return Json{{"jsonrpc", "2.0"},
              {"id", id},
              {"error", Json{{"code", code}, {"message", sanitizeUtf8(message)}}}};
}

Json resultResponse(const Json& id, Json result) {
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

Json notification(const std::string& method, Json params) {
  return Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

Parsed parseMessage(const std::string& body) {
  Parsed parsed;
  std::string text = sanitizeUtf8(body);
  if (nestingDepth(text, kMaxJsonNesting) > kMaxJsonNesting) {
    parsed.message = errorResponse(nullptr, kParseError, "message nests too deeply");
    return parsed;
  }
  Json message = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    parsed.message = errorResponse(nullptr, kParseError, "message is not valid JSON");
    return parsed;
  }
  if (!message.is_object()) {
    parsed.message = errorResponse(nullptr, kInvalidRequest, "message is not a JSON object");
    return parsed;
  }
  parsed.ok = true;
  parsed.message = std::move(message);
  return parsed;
}

void writeFrame(std::ostream& out, const Json& message) {
  std::string body = message.dump(-1, ' ', false, Json::error_handler_t::replace);
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace lkml::lsp
