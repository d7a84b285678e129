#include "semantic/dialect_sniff.h"

#include <cctype>
#include <vector>

#include "base/parallel_for.h"
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

void note(DialectMark* mark, const SourceFile& file, size_t begin, size_t end) {
  if (mark->found()) return;
  mark->span = {file.id(), static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  mark->evidence = std::string(file.text().substr(begin, end - begin));
}

using Marks = DialectMarks;

// `word` in upper case is `upper`, compared without copying the text.
bool equalsUpper(std::string_view word, std::string_view upper) {
  if (word.size() != upper.size()) return false;
  for (size_t i = 0; i < upper.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(word[i])) != upper[i]) return false;
  }
  return true;
}

template <size_t N>
bool inList(std::string_view word, const std::string_view (&list)[N]) {
  for (std::string_view f : list) {
    if (equalsUpper(word, f)) return true;
  }
  return false;
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
      while (j < end && isWordPart(text[j])) ++j;
      std::string_view word = text.substr(i, j - i);
      size_t k = j;
      while (k < end && (text[k] == ' ' || text[k] == '\t')) ++k;
      bool call = k < end && text[k] == '(';
      if (equalsUpper(word, "_TABLE_SUFFIX") || equalsUpper(word, "INT64") ||
          equalsUpper(word, "FLOAT64") ||
          (equalsUpper(word, "SAFE") && j < end && text[j] == '.')) {
        note(&marks->bigquery, file, i, j);
      }
      if (call) {
        if (inList(word, kBigQueryFunctions)) note(&marks->bigquery, file, i, k + 1);
        if (inList(word, kSnowflakeFunctions)) note(&marks->snowflake, file, i, k + 1);
        if (equalsUpper(word, "UNNEST")) note(&marks->unnest, file, i, k + 1);
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

DialectMarks scanDialectMarks(const SourceFile& file) {
  DialectMarks marks;
  scanFile(file, &marks);
  return marks;
}

const DialectMarks& DialectMarksCache::of(const SourceFile& file) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = marks_.find(file.id()); it != marks_.end()) return it->second;
  }
  DialectMarks marks = scanDialectMarks(file);
  std::lock_guard<std::mutex> lock(mutex_);
  return marks_.emplace(file.id(), std::move(marks)).first->second;  // std::map: stays valid
}

void DialectMarksCache::forget(const std::set<FileId>& files) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (FileId id : files) marks_.erase(id);
}

void DialectMarksCache::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  marks_.clear();
}

std::optional<DialectGuess> guessDialect(const ProjectSources& sources, unsigned threads,
                                         DialectMarksCache* cache) {
  std::vector<const SourceFile*> files;
  for (const ProjectFile& file : sources.files) {
    if (file.source && file.kind != FileKind::Dashboard) files.push_back(file.source);
  }
  // Each file's marks on its own (in parallel, or from the cache), then the first of each
  // kind in file order, as one pass over the files in order would find them.
  std::vector<DialectMarks> scanned(cache ? 0 : files.size());
  std::vector<const DialectMarks*> per_file(files.size());
  parallelFor(files.size(), threadCount(files.size(), threads, 64), [&](size_t i) {
    if (cache) {
      per_file[i] = &cache->of(*files[i]);
    } else {
      scanned[i] = scanDialectMarks(*files[i]);
      per_file[i] = &scanned[i];
    }
  });
  Marks marks;
  for (const DialectMarks* m : per_file) {
    if (!marks.bigquery.found()) marks.bigquery = m->bigquery;
    if (!marks.unnest.found()) marks.unnest = m->unnest;
    if (!marks.snowflake.found()) marks.snowflake = m->snowflake;
    marks.postgres_cast |= m->postgres_cast;
  }
  DialectGuess guess;
  // UNNEST is PostgreSQL too: it tells only where no `::` cast says PostgreSQL. The other
  // marks are not PostgreSQL at all.
  bool unnest_tells = marks.unnest.found() && !marks.postgres_cast;
  if (marks.bigquery.found() || unnest_tells) {
    // The first telling mark in file order: spans of one run share the file numbering, which
    // follows the sorted paths.
    const DialectMark* first = &marks.bigquery;
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
