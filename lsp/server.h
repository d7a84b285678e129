// `lkml lsp`: a Language Server Protocol 3.17 server over a pair of streams (stdio). Messages
// are read on their own thread and handled in order on the calling one; when no message is
// waiting the changed projects are compiled again and their diagnostics published, so a burst
// of keystrokes costs one rebuild. Requests about the code (definition, completion, ...) bring
// the project up to date first, so they always see the latest text.
#pragma once

#include <deque>
#include <functional>
#include <istream>
#include <map>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>

#include "lsp/json_rpc.h"
#include "lsp/text_positions.h"
#include "lsp/workspace.h"

namespace lkml::lsp {

/// Thrown by a request handler that cannot answer (a refused rename): the client gets a
/// RequestFailed error with the message.
struct RequestFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ServerOptions {
  unsigned threads = 0;         // for parsing and building models (0: all cores)
  std::ostream* log = nullptr;  // timings of each update, when set (`lkml lsp --log`)
};

class Server {
 public:
  explicit Server(ServerOptions options = {}) : options_(options) {}

  /// Serves until `exit` or the end of `in`; returns the exit code (0 after `shutdown`, else 1).
  int run(std::istream& in, std::ostream& out);

 private:
  void handle(const Json& message);
  void handleRequest(const std::string& method, const Json& id, const Json& params);
  void handleNotification(const std::string& method, const Json& params);
  void send(const Json& message);

  Json initialize(const Json& params);
  void registerWatchers();
  void didOpen(const Json& params);
  void didChange(const Json& params);
  void didClose(const Json& params);
  void didChangeWatchedFiles(const Json& params);
  void didChangeWorkspaceFolders(const Json& params);
  void documentChanged(const std::string& path);

  /// Compiles the changed projects again and publishes their diagnostics.
  /// Brings every dirty project up to date and publishes its findings. `input_waiting`, when
  /// given, is asked after an edited file's first answer: true stops there (the rest follows
  /// at the next refresh).
  void refresh(const std::function<bool()>& input_waiting = nullptr);
  /// The findings of the files an edit answered first (ProjectState::updateEditedFiles).
  void publishQuick(ProjectState& project);
  void publish(ProjectState& project);
  void publishLooseFile(const std::string& path);

  // Language features (server_features.cpp).
  Json codeAction(const Json& params);
  Json definition(const Json& params);
  Json references(const Json& params);
  Json documentSymbol(const Json& params);
  Json workspaceSymbol(const Json& params);
  Json hover(const Json& params);
  Json completion(const Json& params);
  Json prepareRename(const Json& params);
  Json rename(const Json& params);

  /// The project, relative path and byte offset of a TextDocumentPositionParams; false when the
  /// document is in no project or not a LookML file of it.
  struct Target {
    ProjectState* project = nullptr;
    std::string rel;
    uint32_t offset = 0;
  };
  bool target(const Json& params, Target* out, bool with_position = true);
  Json location(ProjectState& project, const std::string& rel, uint32_t begin, uint32_t end);
  Json rangeIn(ProjectState& project, const std::string& rel, uint32_t begin, uint32_t end);

  ServerOptions options_;
  std::ostream* out_ = nullptr;
  Workspace workspace_;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  bool watch_dynamically_ = false;
  int next_request_id_ = 1;
  std::set<std::string> loose_files_;  // open documents in no project: parsed only
  // Project root -> file -> the diagnostics last sent for it (files with findings only).
  std::map<std::string, std::map<std::string, std::string>> published_;
};

}  // namespace lkml::lsp
