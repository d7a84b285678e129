#include "lsp/server.h"

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "base/version.h"
#include "grammar/parse.h"
#include "lsp/protocol_convert.h"

namespace lkml::lsp {

namespace {

bool isLookmlPath(const std::string& path) {
  auto ends = [&](const std::string& suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".lkml") || ends(".lookml");
}

// The messages the reader thread hands to the handling thread.
struct Inbox {
  std::mutex mutex;
  std::condition_variable ready;
  std::deque<Parsed> messages;  // parsed on the reader thread
  bool closed = false;
};

std::string documentPath(const Json& params) {
  std::string path = uriToPath(params.at("textDocument").at("uri").get<std::string>());
  return path.empty() ? "" : normalisePath(path);
}

}  // namespace

int Server::run(std::istream& in, std::ostream& out) {
  out_ = &out;
  // std::cin is tied to std::cout: every read would flush the output from the reader thread
  // while this thread writes it (a data race that sent a response twice). Untie it.
  in.tie(nullptr);
  auto inbox = std::make_shared<Inbox>();
  // The reader stops at the end of the stream or after `exit`, so joining it never hangs.
  std::thread reader([inbox, &in] {
    while (true) {
      Frame frame = readFrame(in);
      bool last = frame.status == Frame::Status::EndOfStream;
      Parsed parsed;
      if (frame.status == Frame::Status::BadHeader) {
        parsed.message = errorResponse(nullptr, kParseError, "bad message header: " + frame.error);
      } else if (!last) {
        parsed = parseMessage(frame.body);
        last = parsed.ok && parsed.message.value("method", Json()) == "exit";
      }
      std::lock_guard<std::mutex> lock(inbox->mutex);
      if (frame.status != Frame::Status::EndOfStream) inbox->messages.push_back(std::move(parsed));
      if (last) inbox->closed = true;
      inbox->ready.notify_one();
      if (last) return;
    }
  });
  while (!exited_) {
    std::unique_lock<std::mutex> lock(inbox->mutex);
    if (inbox->messages.empty() && !inbox->closed) {
      lock.unlock();
      // Nothing waiting: now is the time to compile what changed. A keystroke that arrives
      // after the edited file's first answer is read before the whole project is checked.
      refresh([&] {
        std::lock_guard<std::mutex> peek(inbox->mutex);
        return !inbox->messages.empty();
      });
      lock.lock();
      inbox->ready.wait(lock, [&] { return !inbox->messages.empty() || inbox->closed; });
    }
    if (inbox->messages.empty()) break;
    Parsed parsed = std::move(inbox->messages.front());
    inbox->messages.pop_front();
    lock.unlock();
    if (!parsed.ok) {
      send(parsed.message);
      continue;
    }
    handle(parsed.message);
  }
  reader.join();
  return shutdown_ && exited_ ? 0 : 1;
}

void Server::send(const Json& message) { writeFrame(*out_, message); }

void Server::handle(const Json& message) {
  bool has_id = message.contains("id");
  Json id = has_id ? message["id"] : Json();
  if (has_id && !id.is_number_integer() && !id.is_string() && !id.is_null()) {
    send(errorResponse(nullptr, kInvalidRequest, "`id` must be a number or a string"));
    return;
  }
  auto method = message.find("method");
  if (method == message.end()) {
    if (!has_id) send(errorResponse(nullptr, kInvalidRequest, "message has no `method`"));
    return;  // a response to one of our requests (registerCapability)
  }
  if (!method->is_string()) {
    send(errorResponse(id, kInvalidRequest, "`method` must be a string"));
    return;
  }
  Json params = message.value("params", Json::object());
  std::string name = method->get<std::string>();
  if (has_id) {
    try {
      handleRequest(name, id, params);
    } catch (const RequestFailed& e) {
      send(errorResponse(id, kRequestFailed, e.what()));
    } catch (const Json::exception& e) {
      send(errorResponse(id, kInvalidParams, std::string("invalid params: ") + e.what()));
    } catch (const std::exception& e) {
      send(errorResponse(id, kInvalidParams, e.what()));
    }
    return;
  }
  try {
    handleNotification(name, params);
  } catch (const std::exception& e) {
    send(notification("window/logMessage",
                      Json{{"type", 1}, {"message", "lkml: " + name + ": " + e.what()}}));
  }
}

void Server::handleRequest(const std::string& method, const Json& id, const Json& params) {
  if (method == "initialize") {
    if (initialized_) {
      send(errorResponse(id, kInvalidRequest, "initialize was already received"));
      return;
    }
    send(resultResponse(id, initialize(params)));
    return;
  }
  if (!initialized_) {
    send(errorResponse(id, kServerNotInitialized, "the server is not initialized yet"));
    return;
  }
  if (shutdown_) {
    send(errorResponse(id, kInvalidRequest, "the server is shutting down"));
    return;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    send(resultResponse(id, nullptr));
    return;
  }
  using Handler = Json (Server::*)(const Json&);
  static const std::map<std::string, Handler> handlers = {
      {"textDocument/codeAction", &Server::codeAction},
      {"textDocument/definition", &Server::definition},
      {"textDocument/references", &Server::references},
      {"textDocument/documentSymbol", &Server::documentSymbol},
      {"workspace/symbol", &Server::workspaceSymbol},
      {"textDocument/hover", &Server::hover},
      {"textDocument/completion", &Server::completion},
      {"textDocument/prepareRename", &Server::prepareRename},
      {"textDocument/rename", &Server::rename},
  };
  auto handler = handlers.find(method);
  if (handler == handlers.end()) {
    send(errorResponse(id, kMethodNotFound, "method not supported: " + method));
    return;
  }
  refresh();  // answers are about the latest text
  send(resultResponse(id, (this->*handler->second)(params)));
}

void Server::handleNotification(const std::string& method, const Json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;
  if (method == "initialized") {
    registerWatchers();
  } else if (method == "textDocument/didOpen") {
    didOpen(params);
  } else if (method == "textDocument/didChange") {
    didChange(params);
  } else if (method == "textDocument/didClose") {
    didClose(params);
  } else if (method == "textDocument/didSave") {
    // The text is the one already compiled; a save elsewhere arrives as a watched-file event.
  } else if (method == "workspace/didChangeWatchedFiles") {
    didChangeWatchedFiles(params);
  } else if (method == "workspace/didChangeWorkspaceFolders") {
    didChangeWorkspaceFolders(params);
  }
  // Other notifications ($/cancelRequest, $/setTrace, ...) need no answer.
}

Json Server::initialize(const Json& params) {
  const Json capabilities = params.value("capabilities", Json::object());
  const Json general = capabilities.value("general", Json::object());
  if (general.contains("positionEncodings") && general["positionEncodings"].is_array()) {
    for (const Json& e : general["positionEncodings"]) {
      if (e == "utf-8") encoding_ = PositionEncoding::Utf8;
    }
  }
  const Json workspace = capabilities.value("workspace", Json::object());
  const Json watched = workspace.value("didChangeWatchedFiles", Json::object());
  watch_dynamically_ = watched.value("dynamicRegistration", false) == true;
  bool any_folder = false;
  if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array()) {
    for (const Json& folder : params["workspaceFolders"]) {
      std::string path = uriToPath(folder.value("uri", ""));
      if (!path.empty()) {
        workspace_.addFolder(path);
        any_folder = true;
      }
    }
  }
  if (!any_folder && params.contains("rootUri") && params["rootUri"].is_string()) {
    std::string path = uriToPath(params["rootUri"].get<std::string>());
    if (!path.empty()) workspace_.addFolder(path);
  } else if (!any_folder && params.contains("rootPath") && params["rootPath"].is_string()) {
    workspace_.addFolder(params["rootPath"].get<std::string>());
  }
  Json caps;
  caps["positionEncoding"] = encoding_ == PositionEncoding::Utf8 ? "utf-8" : "utf-16";
  caps["textDocumentSync"] = Json{{"openClose", true},
                                  {"change", 2},  // incremental
                                  {"save", Json{{"includeText", false}}}};
  caps["codeActionProvider"] = Json{{"codeActionKinds", Json::array({"quickfix"})}};
  caps["definitionProvider"] = true;
  caps["referencesProvider"] = true;
  caps["documentSymbolProvider"] = true;
  caps["workspaceSymbolProvider"] = true;
  caps["hoverProvider"] = true;
  caps["completionProvider"] = Json{{"triggerCharacters", Json::array({"{", ".", ":"})}};
  caps["renameProvider"] = Json{{"prepareProvider", true}};
  caps["workspace"] =
      Json{{"workspaceFolders", Json{{"supported", true}, {"changeNotifications", true}}}};
  initialized_ = true;
  return Json{{"capabilities", caps},
              {"serverInfo", Json{{"name", "lkml"}, {"version", kLkmlVersion}}}};
}

void Server::registerWatchers() {
  if (!watch_dynamically_) return;
  Json watchers = Json::array();
  for (const char* glob : {"**/*.lkml", "**/*.lookml", "**/lkml.json", "**/lkml-schema.json"}) {
    watchers.push_back(Json{{"globPattern", glob}});
  }
  Json registration{{"id", "lkml-watched-files"},
                    {"method", "workspace/didChangeWatchedFiles"},
                    {"registerOptions", Json{{"watchers", watchers}}}};
  send(Json{{"jsonrpc", "2.0"},
            {"id", "lkml-" + std::to_string(next_request_id_++)},
            {"method", "client/registerCapability"},
            {"params", Json{{"registrations", Json::array({registration})}}}});
}

void Server::documentChanged(const std::string& path) {
  if (!isLookmlPath(path)) return;
  auto& docs = workspace_.documents();
  auto doc = docs.find(path);
  std::optional<std::string> text;
  if (doc != docs.end()) text = doc->second.text;
  if (ProjectState* project = workspace_.projectFor(path)) {
    project->setText(Workspace::relativePath(*project, path), text);
  } else if (text) {
    loose_files_.insert(path);
    publishLooseFile(path);
  } else if (loose_files_.erase(path)) {
    send(notification("textDocument/publishDiagnostics",
                      Json{{"uri", pathToUri(path)}, {"diagnostics", Json::array()}}));
  }
}

void Server::didOpen(const Json& params) {
  std::string path = documentPath(params);
  if (path.empty()) return;
  const Json& doc = params.at("textDocument");
  OpenDocument& open = workspace_.documents()[path];
  open.path = path;
  open.text = doc.at("text").get<std::string>();
  open.version = doc.value("version", int64_t{0});
  documentChanged(path);
}

void Server::didChange(const Json& params) {
  std::string path = documentPath(params);
  auto& docs = workspace_.documents();
  auto doc = docs.find(path);
  if (doc == docs.end()) return;  // never opened: nothing to apply the change to
  std::string& text = doc->second.text;
  for (const Json& change : params.at("contentChanges")) {
    std::string new_text = change.at("text").get<std::string>();
    if (!change.contains("range")) {
      text = std::move(new_text);
      continue;
    }
    LineIndex lines(text);
    uint32_t begin = lines.offsetOf(positionFromJson(change["range"].at("start")), encoding_);
    uint32_t end = lines.offsetOf(positionFromJson(change["range"].at("end")), encoding_);
    if (end < begin) std::swap(begin, end);
    text.replace(begin, end - begin, new_text);
  }
  const Json& version = params.at("textDocument").value("version", Json());
  if (version.is_number_integer()) doc->second.version = version.get<int64_t>();
  documentChanged(path);
}

void Server::didClose(const Json& params) {
  std::string path = documentPath(params);
  if (workspace_.documents().erase(path) == 0) return;
  documentChanged(path);
}

void Server::didChangeWatchedFiles(const Json& params) {
  for (const Json& change : params.at("changes")) {
    std::string path = uriToPath(change.value("uri", ""));
    if (path.empty()) continue;
    path = normalisePath(path);
    ProjectState* project = workspace_.projectFor(path, /*discover=*/false);
    if (!project) continue;
    project->diskChanged(Workspace::relativePath(*project, path));
  }
}

void Server::didChangeWorkspaceFolders(const Json& params) {
  const Json event = params.value("event", Json::object());
  for (const Json& folder : event.value("removed", Json::array())) {
    std::string path = uriToPath(folder.value("uri", ""));
    if (path.empty()) continue;
    std::string dir = normalisePath(path);
    for (auto it = published_.begin(); it != published_.end();) {
      if (it->first == dir || it->first.compare(0, dir.size() + 1, dir + "/") == 0) {
        for (const auto& [file, text] : it->second) {
          send(notification("textDocument/publishDiagnostics",
                            Json{{"uri", pathToUri(file)}, {"diagnostics", Json::array()}}));
        }
        it = published_.erase(it);
      } else {
        ++it;
      }
    }
    workspace_.removeFolder(dir);
  }
  for (const Json& folder : event.value("added", Json::array())) {
    std::string path = uriToPath(folder.value("uri", ""));
    if (!path.empty()) workspace_.addFolder(path);
  }
}

void Server::refresh(const std::function<bool()>& input_waiting) {
  if (!initialized_) return;
  for (auto& project : workspace_.projects()) {
    if (!project->dirty()) continue;
    if (project->edited()) {
      // The edited files' findings first (a few ms), then the whole project's.
      ProjectState::QuickStats quick = project->updateEditedFiles(options_.threads);
      if (!project->quickFiles().empty()) {
        publishQuick(*project);
        if (options_.log) {
          *options_.log << "lkml lsp: " << project->root() << ": " << quick.files_patched
                        << " edited files answered first in " << quick.total_ms << " ms\n";
        }
        if (input_waiting && input_waiting()) return;  // the project stays dirty
      }
    }
    ProjectState::UpdateStats stats = project->update(options_.threads);
    if (options_.log) {
      *options_.log << "lkml lsp: " << project->root() << ": "
                    << (stats.full ? "full" : "incremental") << " update, " << stats.files_parsed
                    << " files parsed, " << stats.models_built << " models built; parse "
                    << stats.parse_ms << " ms, build " << stats.build_ms << " ms, checks "
                    << stats.check_ms << " ms, total " << stats.total_ms << " ms\n";
    }
    publish(*project);
    project->releaseRetired();
  }
}

void Server::publish(ProjectState& project) {
  RangeConverter ranges(project.files(), encoding_);
  std::map<std::string, Json> by_file;
  for (const Diagnostic& d : project.diagnostics()) {
    std::string file = diagnosticFile(d, project.files());
    if (file.empty()) continue;
    file = normalisePath(file);
    auto [it, inserted] = by_file.emplace(file, Json::array());
    it->second.push_back(diagnosticJson(d, ranges));
  }
  for (const std::string& message : project.messages()) {
    send(notification("window/logMessage", Json{{"type", 2}, {"message", "lkml: " + message}}));
  }
  // Only what changed is sent: a keystroke in one file must not resend every file's list.
  std::map<std::string, std::string>& before = published_[project.root()];
  for (auto it = before.begin(); it != before.end();) {
    if (by_file.count(it->first)) {
      ++it;
      continue;
    }
    send(notification("textDocument/publishDiagnostics",
                      Json{{"uri", pathToUri(it->first)}, {"diagnostics", Json::array()}}));
    it = before.erase(it);
  }
  for (auto& [file, list] : by_file) {
    std::string text = list.dump(-1, ' ', false, Json::error_handler_t::replace);
    auto [it, inserted] = before.emplace(file, text);
    if (!inserted && it->second == text) continue;
    it->second = std::move(text);
    send(notification("textDocument/publishDiagnostics",
                      Json{{"uri", pathToUri(file)}, {"diagnostics", std::move(list)}}));
  }
}

void Server::publishQuick(ProjectState& project) {
  RangeConverter ranges(project.files(), encoding_);
  std::map<std::string, Json> by_file;
  for (const std::string& file : project.quickFiles()) by_file[normalisePath(file)] = Json::array();
  for (const Diagnostic& d : project.quickDiagnostics()) {
    auto it = by_file.find(normalisePath(diagnosticFile(d, project.files())));
    if (it != by_file.end()) it->second.push_back(diagnosticJson(d, ranges));
  }
  std::map<std::string, std::string>& before = published_[project.root()];
  for (auto& [file, list] : by_file) {
    std::string text = list.dump(-1, ' ', false, Json::error_handler_t::replace);
    auto it = before.find(file);
    if (it != before.end() ? it->second == text : list.empty()) continue;
    if (list.empty()) {
      before.erase(file);
    } else {
      before[file] = text;
    }
    send(notification("textDocument/publishDiagnostics",
                      Json{{"uri", pathToUri(file)}, {"diagnostics", std::move(list)}}));
  }
}

void Server::publishLooseFile(const std::string& path) {
  auto doc = workspace_.documents().find(path);
  if (doc == workspace_.documents().end()) return;
  SourceMap files;
  const SourceFile& file = files.add(path, doc->second.text);
  DiagnosticBag bag;
  grammar::parse(file, bag);
  Diagnostic note = makeDiagnostic(DiagCode::semantic_checks_skipped, {},
                                   "semantic checks skipped for `" + path +
                                       "`: it belongs to no project (no manifest.lkml, "
                                       "lkml.json or *.model.lkml above it)");
  note.path = path;
  note.help = "open the project folder, or add a manifest.lkml at the project root";
  bag.report(std::move(note));
  RangeConverter ranges(files, encoding_);
  Json list = Json::array();
  for (const Diagnostic& d : bag.diagnostics()) list.push_back(diagnosticJson(d, ranges));
  send(notification("textDocument/publishDiagnostics",
                    Json{{"uri", pathToUri(path)}, {"diagnostics", std::move(list)}}));
}

}  // namespace lkml::lsp
