// Subcommands of the `lkml` binary. Each registers its options on the CLI11 app and returns
// the callback's exit code through `exit_code`. CLI11 is used only inside cli/.
#pragma once

#include <CLI/CLI.hpp>

namespace lkml::cli {

void addLintCommand(CLI::App& app, int* exit_code);
void addDumpCommand(CLI::App& app, int* exit_code);
void addFieldsCommand(CLI::App& app, int* exit_code);
void addSqlCommand(CLI::App& app, int* exit_code);
void addQueryCommand(CLI::App& app, int* exit_code);
void addSchemaCommand(CLI::App& app, int* exit_code);    // lkml schema dump
void addValidateCommand(CLI::App& app, int* exit_code);  // lkml validate sql
void addHookCommand(CLI::App& app, int* exit_code);      // lkml hook install
void addTestCommand(CLI::App& app, int* exit_code);      // lkml test (data tests)
void addExplainCommand(CLI::App& app, int* exit_code);   // lkml explain CODE
void addExploresCommand(CLI::App& app, int* exit_code);  // lkml explores PROJECT
void addFmtCommand(CLI::App& app, int* exit_code);       // lkml fmt PATH...
void addLspCommand(CLI::App& app, int* exit_code);       // lkml lsp (language server)

}  // namespace lkml::cli
