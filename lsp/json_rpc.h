// JSON-RPC 2.0 over a byte stream with LSP's `Content-Length` framing. Every input is
// untrusted: a bad header, a short body, invalid UTF-8 or absurd nesting gives an error value,
// never an exception or undefined behaviour.
#pragma once

#include <cstddef>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

namespace lkml::lsp {

using Json = nlohmann::json;

/// The largest message body accepted (a whole project's text fits many times over).
inline constexpr size_t kMaxMessageBytes = size_t{256} << 20;
/// Arrays and objects may nest this deep in a message (LSP's own messages stay below 10).
inline constexpr size_t kMaxJsonNesting = 512;

/// JSON-RPC error codes (and LSP's).
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestFailed = -32803,
};

/// `text` with every byte sequence that is not well-formed UTF-8 (overlong forms, surrogates,
/// code points above U+10FFFF, truncated sequences) replaced by U+FFFD.
std::string sanitizeUtf8(std::string_view text);

struct Frame {
  enum class Status { Message, EndOfStream, BadHeader };
  Status status = Status::EndOfStream;
  std::string body;   // with Status::Message
  std::string error;  // with Status::BadHeader: what was wrong
};

/// Reads the next framed message. A header block without a usable `Content-Length` gives
/// BadHeader (the stream stays at the start of the next header block, as far as it can tell).
Frame readFrame(std::istream& in);

/// Parses a body: the message, or a JSON-RPC error response (`id` null) when it is not JSON,
/// nests deeper than kMaxJsonNesting, or is not an object. Invalid UTF-8 is replaced first.
struct Parsed {
  bool ok = false;
  Json message;  // ok: the request/notification/response; else the error response to send
};
Parsed parseMessage(const std::string& body);

/// `{"jsonrpc":"2.0","id":id,"error":{code,message}}`.
Json errorResponse(const Json& id, int code, const std::string& message);
/// `{"jsonrpc":"2.0","id":id,"result":result}`.
Json resultResponse(const Json& id, Json result);
/// `{"jsonrpc":"2.0","method":method,"params":params}` (a notification).
Json notification(const std::string& method, Json params);

/// Writes `message` with its header and flushes. Strings that are not UTF-8 are written with
/// U+FFFD in place of the bad bytes.
void writeFrame(std::ostream& out, const Json& message);

}  // namespace lkml::lsp
