#include "semantic/dialect_sniff.h"

#include <cctype>

#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {
namespace {

bool isWordStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isWordPart(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Functions only BigQuery spells this way (PostgreSQL has none of them).
constexpr std::string_view kBigQueryFunctions[] = {
    "SAFE_CAST",        "SAFE_DIVIDE",       "FARM_FINGERPRINT",     "FORMAT_TIMESTAMP",
    "FORMAT_DATE",      "PARSE_DATE",        "PARSE_TIMESTAMP",      "TIMESTAMP_TRUNC",
    "DATETIME_TRUNC",   "DATE_DIFF",         "TIMESTAMP_DIFF",       "GENERATE_DATE_ARRAY",
    "TIMESTAMP_MILLIS", "TIMESTAMP_SECONDS", "APPROX_COUNT_DISTINCT"};
constexpr std::string_view kSnowflakeFunctions[] = {"FLATTEN",         "IFF",
                                                    "TRY_TO_NUMBER",   "TRY_TO_DATE",
                                                    "ZEROIFNULL",      "TRY_TO_TIMESTAMP",
                                                    "ARRAY_CONSTRUCT", "OBJECT_CONSTRUCT"};

struct Mark {
  Span span;
  std::string evidence;
  bool found() const { return span.valid(); }
};

struct Marks {
  Mark bigquery, unnest, snowflake;
  bool postgres_cast = false;  // `::` seen somewhere
};

void note(Mark* mark, const SourceFile& file, size_t begin, size_t end) {
  if (mark->found()) return;
  mark->span = {file.id(), static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  mark->evidence = std::string(file.text().substr(begin, end - begin));
}

// Looks for telling marks in the SQL text [begin, end) of `file`.
void scanSql(const SourceFile& file, size_t begin, size_t end, Marks* marks) {
  std::string_view text = file.text().substr(0, end);
  size_t i = begin;
  while (i < end) {
    char c = text[i];
    if ((c == '$' || c == '@' || c == '{') && i + 1 < end &&
        (text[i + 1] == '{' || (c == '{' && text[i + 1] == '%'))) {
      size_t close = text.find('}', i + 2);
      i = close == std::string_view::npos ? end : close + 1;
      continue;
    }
    if (text.compare(i, 2, "$$") == 0) {
      note(&marks->snowflake, file, i, i + 2);
      i += 2;
      continue;
    }
    if (c == '`') {
      size_t close = text.find_first_of("`\n", i + 1);
      if (close != std::string_view::npos && text[close] == '`' && close > i + 1) {
        note(&marks->bigquery, file, i, close + 1);
        i = close + 1;
        continue;
      }
    }
    if (text.compare(i, 2, "::") == 0) {
      marks->postgres_cast = true;
      i += 2;
      continue;
    }
    size_t past = sql::skipLiteralOrComment(text, i, sql::Dialect::Postgres);
    if (past != i) {
      i = past;
      continue;
    }
    if (isWordStart(c) && (i == 0 || !isWordPart(text[i - 1]))) {
      size_t j = i;
      std::string word;
      while (j < end && isWordPart(text[j])) {
        word += static_cast<char>(std::toupper(static_cast<unsigned char>(text[j++])));
      }
      size_t k = j;
      while (k < end && (text[k] == ' ' || text[k] == '\t')) ++k;
      bool call = k < end && text[k] == '(';
      if (word == "_TABLE_SUFFIX" || word == "INT64" || word == "FLOAT64" ||
          (word == "SAFE" && j < end && text[j] == '.')) {
        note(&marks->bigquery, file, i, j);
      }
      if (call) {
        for (std::string_view f : kBigQueryFunctions) {
          if (word == f) note(&marks->bigquery, file, i, k + 1);
        }
        for (std::string_view f : kSnowflakeFunctions) {
          if (word == f) note(&marks->snowflake, file, i, k + 1);
        }
        if (word == "UNNEST") note(&marks->unnest, file, i, k + 1);
      }
      i = j;
      continue;
    }
    ++i;
  }
}

// Finds the `sql*: ... ;;` blocks of a LookML file (outside LookML strings and comments) and
// scans them; other `;;` blocks (html, expression) are skipped whole.
void scanFile(const SourceFile& file, Marks* marks) {
  std::string_view text = file.text();
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == '#') {
      size_t nl = text.find('\n', i);
      i = nl == std::string_view::npos ? n : nl + 1;
      continue;
    }
    if (c == '"') {
      ++i;
      while (i < n && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
      ++i;
      continue;
    }
    if (isWordStart(c) && (i == 0 || !isWordPart(text[i - 1]))) {
      size_t j = i;
      while (j < n && isWordPart(text[j])) ++j;
      std::string_view word = text.substr(i, j - i);
      size_t k = j;
      while (k < n && (text[k] == ' ' || text[k] == '\t')) ++k;
      bool block = word.substr(0, 3) == "sql" || word == "html" || word == "expression";
      if (k < n && text[k] == ':' && block) {
        size_t close = text.find(";;", k + 1);
        size_t stop = close == std::string_view::npos ? n : close;
        if (word.substr(0, 3) == "sql") scanSql(file, k + 1, stop, marks);
        i = close == std::string_view::npos ? n : close + 2;
        continue;
      }
      i = j;
      continue;
    }
    ++i;
  }
}

}  // namespace

std::optional<DialectGuess> guessDialect(const ProjectSources& sources) {
  Marks marks;
  for (const ProjectFile& file : sources.files) {
    if (!file.source || file.kind == FileKind::Dashboard) continue;
    scanFile(*file.source, &marks);
  }
  DialectGuess guess;
  // UNNEST is PostgreSQL too: it tells only where no `::` cast says PostgreSQL. The other
  // marks are not PostgreSQL at all.
  bool unnest_tells = marks.unnest.found() && !marks.postgres_cast;
  if (marks.bigquery.found() || unnest_tells) {
    // The first telling mark in file order: spans of one run share the file numbering, which
    // follows the sorted paths.
    const Mark* first = &marks.bigquery;
    if (!first->found() || (unnest_tells && (marks.unnest.span.file < first->span.file ||
                                             (marks.unnest.span.file == first->span.file &&
                                              marks.unnest.span.begin < first->span.begin)))) {
      first = &marks.unnest;
    }
    guess.dialect = sql::Dialect::BigQuery;
    guess.span = first->span;
    guess.evidence = first->evidence;
    return guess;
  }
  if (marks.snowflake.found() && !marks.bigquery.found()) {
    guess.dialect = sql::Dialect::Snowflake;
    guess.span = marks.snowflake.span;
    guess.evidence = marks.snowflake.evidence;
    return guess;
  }
  return std::nullopt;
}

Diagnostic dialectGuessDiagnostic(const DialectGuess& guess, const std::string& connection) {
  std::string name = sql::dialectName(guess.dialect);
  std::string shown = guess.dialect == sql::Dialect::BigQuery ? "BigQuery" : "Snowflake";
  Diagnostic d = makeSemDiagnostic(
      SemCode::dialect_not_configured, guess.span,
      "this project's SQL looks like " + shown + " (`" + guess.evidence +
          "`), but no dialect is configured, so lkml reads and writes its SQL as PostgreSQL");
  d.label = shown + " SQL";
  d.help = "pass `--dialect " + name +
           "`, or map the model's connection in lkml.json: " + "\"connections\": {\"" +
           (connection.empty() ? "<connection>" : connection) + "\": {\"dialect\": \"" + name +
           "\"}}";
  return d;
}

}  // namespace lkml::semantic
