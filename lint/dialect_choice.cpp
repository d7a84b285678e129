#include "lint/dialect_choice.h"

#include <filesystem>
#include <iostream>

#include "base/file_reader.h"
#include "semantic/dialect_sniff.h"

namespace lkml::lint {

std::optional<sql::Dialect> DialectChoice::forModel(const semantic::Model& model) const {
  if (flag) return flag;
  auto it = connections.find(model.connection);
  if (it != connections.end()) return it->second;
  return std::nullopt;
}

bool parseDialectFlag(const std::string& text, std::optional<sql::Dialect>* out,
                      std::string* error) {
  out->reset();
  if (text.empty()) return true;
  *out = sql::parseDialect(text);
  if (!*out) {
    *error = "--dialect: " + sql::unknownDialectMessage(text);
    return false;
  }
  return true;
}

std::optional<Diagnostic> dialectWarning(const DialectChoice& choice,
                                         const semantic::LoadedProject& project, unsigned threads,
                                         semantic::DialectMarksCache* cache) {
  if (choice.configured()) return std::nullopt;
  std::optional<semantic::DialectGuess> guess =
      semantic::guessDialect(project.sources, threads, cache);
  if (!guess) return std::nullopt;
  std::string connection;
  for (const semantic::Model& model : project.project.models) {
    if (!model.connection.empty()) {
      connection = model.connection;
      break;
    }
  }
  return semantic::dialectGuessDiagnostic(*guess, connection);
}

bool loadConnectionDialects(const std::string& root, DialectChoice* choice) {
  std::string path = (std::filesystem::path(root) / "lkml.json").string();
  // Only a regular file is read here: `lkml lint` reports a FIFO or device named lkml.json,
  // and reading one could block.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return true;
  semantic::LintConfig config;
  semantic::ConfigError error;
  if (config.loadFile(path, &error)) {
    choice->connections = config.connectionDialects();
    return true;
  }
  std::string where = path;
  if (error.offset != std::string::npos) {
    ReadResult read = readRegularFile(path);
    if (read.ok) {
      int line = 1, column = 1;
      for (size_t i = 0; i < error.offset && i < read.text.size(); ++i) {
        if (read.text[i] == '\n') {
          ++line;
          column = 1;
        } else {
          ++column;
        }
      }
      where += ":" + std::to_string(line) + ":" + std::to_string(column);
    }
  }
  std::cerr << where << ": error[LKML236]: " << error.message << "\n";
  return false;
}

}  // namespace lkml::lint
