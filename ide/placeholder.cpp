// Placeholder bodies while the features are written (replaced file by file).
#include "ide/ide.h"

namespace lkml::ide {

std::vector<FileRange> definition(const semantic::LoadedProject&, const std::string&, uint32_t) {
  return {};
}
std::vector<FileRange> references(const semantic::LoadedProject&, const std::string&, uint32_t,
                                  bool) {
  return {};
}
std::vector<Symbol> documentSymbols(const semantic::LoadedProject&, const std::string&) {
  return {};
}
std::vector<Symbol> workspaceSymbols(const semantic::LoadedProject&, std::string_view) {
  return {};
}
std::optional<Hover> hover(const semantic::LoadedProject&, const std::string&, uint32_t) {
  return std::nullopt;
}
std::vector<CompletionItem> complete(const semantic::LoadedProject&, const std::string&, uint32_t) {
  return {};
}
RenameResult rename(const semantic::LoadedProject&, const std::string&, uint32_t,
                    const std::string&) {
  return {{}, "rename is not implemented yet"};
}

}  // namespace lkml::ide
