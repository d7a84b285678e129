// Drives lsp::Server in process over two in-memory pipes, as an editor drives `lkml lsp`:
// the test writes framed JSON-RPC messages and reads the server's messages back, waiting for
// the one it needs (a response by id, the next diagnostics of a file). A read waits at most
// 60 s, so a server that never answers fails the test instead of hanging it.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <istream>
#include <mutex>
#include <ostream>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

#include "lsp/json_rpc.h"
#include "lsp/server.h"
#include "lsp/text_positions.h"

namespace lkml::lsp::test {

/// A byte pipe between two threads: writes append, reads block until bytes arrive, the pipe
/// is closed, or 60 s pass (then the reader sees the end of the stream).
class PipeBuf : public std::streambuf {
 public:
  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }

 protected:
  int_type overflow(int_type c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    char ch = traits_type::to_char_type(c);
    xsputn(&ch, 1);
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.append(s, static_cast<size_t>(n));
    ready_.notify_all();
    return n;
  }
  int_type underflow() override {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!ready_.wait_for(lock, std::chrono::seconds(60),
                         [&] { return !pending_.empty() || closed_; }) ||
        pending_.empty()) {
      return traits_type::eof();
    }
    current_.swap(pending_);
    pending_.clear();
    setg(current_.data(), current_.data(), current_.data() + current_.size());
    return traits_type::to_int_type(current_[0]);
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::string pending_, current_;
  bool closed_ = false;
};

inline std::string frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

class Session {
 public:
  explicit Session(ServerOptions options = {}) : to_server_(&in_buf_), from_server_(&out_buf_) {
    server_thread_ = std::thread([this, options] {
      std::istream in(&in_buf_);
      std::ostream out(&out_buf_);
      Server server(options);
      exit_code_ = server.run(in, out);
      out_buf_.close();
    });
  }
  ~Session() {
    in_buf_.close();
    if (server_thread_.joinable()) server_thread_.join();
  }

  void raw(const std::string& bytes) {
    to_server_ << bytes;
    to_server_.flush();
  }
  void request(int id, const std::string& method, Json params = Json::object()) {
    raw(frame(Json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump()));
  }
  void notify(const std::string& method, Json params = Json::object()) {
    raw(frame(Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump()));
  }

  /// The next message the server writes (null at the end of its output).
  Json next() {
    Frame f = readFrame(from_server_);
    if (f.status != Frame::Status::Message) return nullptr;
    Json message = Json::parse(f.body);
    seen_.push_back(message);
    return message;
  }
  /// Reads until `match`; null when the output ends first.
  Json waitFor(const std::function<bool(const Json&)>& match) {
    while (true) {
      Json m = next();
      if (m.is_null() || match(m)) return m;
    }
  }
  Json call(int id, const std::string& method, Json params = Json::object()) {
    request(id, method, std::move(params));
    return waitFor(
        [&](const Json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); });
  }
  /// The next diagnostics published for `path`.
  Json diagnostics(const std::string& path) {
    Json m = waitFor([&](const Json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" &&
             m["params"]["uri"] == pathToUri(path);
    });
    return m.is_null() ? Json() : m["params"]["diagnostics"];
  }

  /// initialize (with the folder and capabilities) and initialized; returns the result.
  Json start(const std::string& folder, Json capabilities = Json::object()) {
    Json r = call(
        0, "initialize",
        Json{{"processId", nullptr},
             {"rootUri", nullptr},
             {"capabilities", capabilities},
             {"workspaceFolders", Json::array({Json{{"uri", pathToUri(folder)}, {"name", "p"}}})}});
    notify("initialized");
    return r;
  }
  void open(const std::string& path, const std::string& text, int version = 1) {
    notify("textDocument/didOpen", Json{{"textDocument", Json{{"uri", pathToUri(path)},
                                                              {"languageId", "lookml"},
                                                              {"version", version},
                                                              {"text", text}}}});
  }
  void change(const std::string& path, Json changes, int version) {
    notify("textDocument/didChange",
           Json{{"textDocument", Json{{"uri", pathToUri(path)}, {"version", version}}},
                {"contentChanges", std::move(changes)}});
  }
  /// shutdown and exit; returns the server's exit code.
  int stop() {
    call(999999, "shutdown");
    notify("exit");
    return finish();
  }
  int finish() {
    in_buf_.close();  // what was written is still read first
    while (!next().is_null()) {
    }
    if (server_thread_.joinable()) server_thread_.join();
    return exit_code_;
  }
  const std::vector<Json>& seen() const { return seen_; }
  /// The diagnostics last published for `path` among the messages read so far (null if none).
  Json lastDiagnostics(const std::string& path) const {
    Json last;
    for (const Json& m : seen_) {
      if (m.value("method", "") == "textDocument/publishDiagnostics" &&
          m["params"]["uri"] == pathToUri(path)) {
        last = m["params"]["diagnostics"];
      }
    }
    return last;
  }

 private:
  PipeBuf in_buf_, out_buf_;
  std::ostream to_server_;
  std::istream from_server_;
  std::thread server_thread_;
  int exit_code_ = -1;
  std::vector<Json> seen_;
};

inline Json position(uint32_t line, uint32_t character) {
  return Json{{"line", line}, {"character", character}};
}

inline Json range(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) {
  return Json{{"start", position(l1, c1)}, {"end", position(l2, c2)}};
}

inline Json doc(const std::string& path) { return Json{{"uri", pathToUri(path)}}; }

}  // namespace lkml::lsp::test
