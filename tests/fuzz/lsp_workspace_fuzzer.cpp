// libFuzzer target: random edit scripts against the language server's incremental project;
// its findings must equal a fresh lint of the same texts (see lsp_workspace_fuzz.h).
#include <unistd.h>

#include <cstdio>

#include "tests/fuzz/lsp_workspace_fuzz.h"

extern "C" const char* __ubsan_default_options() { return "halt_on_error=1:print_stacktrace=1"; }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string why;
  if (!lkml::lsp::fuzz::runScript(data, size, &why)) {
    std::fprintf(stderr, "incremental findings differ from a fresh lint\n%s", why.c_str());
    __builtin_trap();
  }
  return 0;
}
