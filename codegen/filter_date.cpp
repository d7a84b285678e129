// Parsing date filters (reference 8.4): absolute dates (2024, 2024-03, 2024/03/01 10:30,
// 2024-Q1), A to B, A for N units, before/after, today, this/last/next unit, N units,
// N units ago / from now, last N units, NULL, NOT NULL (also -NULL); commas combine terms (OR).
#include <string>
#include <vector>

#include "base/suggest.h"
#include "codegen/filter_internal.h"

namespace lkml::codegen::filter {
namespace {

/// Counts such as `7 days` are capped here; nobody filters on a million units.
constexpr int64_t kMaxCount = 1000000;

struct Word {
  std::string_view text;
  size_t start = 0;
};

/// A period: where it starts and where it ends (exclusive) or how long it lasts.
struct Period {
  DateMoment start;
  std::variant<DateMoment, DateLength> end;
  bool isMoment = false;  // `now`: a point, not a period
};

DateMoment relative(DateUnit unit, int64_t offset) {
  DateMoment m;
  m.kind = DateMoment::Kind::Relative;
  m.unit = unit;
  m.offset = offset;
  return m;
}

bool allDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!isDigit(c)) return false;
  }
  return true;
}

std::optional<DateUnit> unitFromWord(std::string_view word) {
  static const struct {
    const char* name;
    DateUnit unit;
  } kUnits[] = {{"second", DateUnit::Second},   {"minute", DateUnit::Minute},
                {"hour", DateUnit::Hour},       {"day", DateUnit::Day},
                {"week", DateUnit::Week},       {"month", DateUnit::Month},
                {"quarter", DateUnit::Quarter}, {"year", DateUnit::Year}};
  std::string lower = lowerAscii(word);
  if (lower.size() > 1 && lower.back() == 's') lower.pop_back();
  for (const auto& entry : kUnits) {
    if (lower == entry.name) return entry.unit;
  }
  return std::nullopt;
}

class DateParser {
 public:
  explicit DateParser(std::string_view expr) : expr_(expr) {}

  std::variant<DateFilter, FilterError> parse() {
    DateFilter filter;
    size_t begin = 0;
    while (begin <= expr_.size()) {
      size_t comma = expr_.find(',', begin);
      if (comma == std::string_view::npos) comma = expr_.size();
      split(begin, comma);
      if (!words_.empty()) {
        auto term = parseTerm();
        if (auto* error = std::get_if<FilterError>(&term)) return *error;
        if (index_ < words_.size()) {
          const Word& extra = words_[index_];
          return makeError(FilterCode::filter_syntax, extra.start,
                           "unexpected " + describeFound(extra.text) + " at position " +
                               std::to_string(extra.start),
                           "separate several date conditions with commas");
        }
        filter.terms.push_back(std::get<DateTerm>(std::move(term)));
      }
      begin = comma + 1;
    }
    return filter;
  }

 private:
  void split(size_t begin, size_t end) {
    words_.clear();
    index_ = 0;
    termEnd_ = end;
    size_t i = begin;
    while (i < end) {
      while (i < end && isSpace(expr_[i])) ++i;
      const size_t start = i;
      while (i < end && !isSpace(expr_[i])) ++i;
      if (i > start) words_.push_back({expr_.substr(start, i - start), start});
    }
  }

  Word peek() const { return index_ < words_.size() ? words_[index_] : Word{{}, termEnd_}; }
  bool peekIs(const char* keyword) const { return equalsIgnoreCase(peek().text, keyword); }
  Word advance() { return index_ < words_.size() ? words_[index_++] : Word{{}, termEnd_}; }

  std::variant<DateTerm, FilterError> parseTerm() {
    DateTerm term;
    term.offset = peek().start;
    if (peekIs("null")) {
      advance();
      term.kind = DateTerm::Kind::Null;
      return term;
    }
    // `-NULL` is the string filters' NOT NULL; Looker takes it on dates too (public blocks
    // write `filters: [first_click_date: "-NULL"]`).
    if (peekIs("-null")) {
      advance();
      term.kind = DateTerm::Kind::NotNull;
      return term;
    }
    if (peekIs("not")) {
      advance();
      if (!peekIs("null")) {
        return makeError(FilterCode::filter_syntax, peek().start,
                         "expected NULL after NOT at position " + std::to_string(peek().start) +
                             ", found " + describeFound(peek().text),
                         "date filters exclude values with 'before' and 'after'");
      }
      advance();
      term.kind = DateTerm::Kind::NotNull;
      return term;
    }
    if (peekIs("before") || peekIs("after")) {
      term.kind = peekIs("before") ? DateTerm::Kind::Before : DateTerm::Kind::After;
      advance();
      auto period = parsePeriod();
      if (auto* error = std::get_if<FilterError>(&period)) return *error;
      term.start = std::get<Period>(period).start;
      return term;
    }
    auto parsed = parsePeriod();
    if (auto* error = std::get_if<FilterError>(&parsed)) return *error;
    Period& period = std::get<Period>(parsed);
    term.start = period.start;
    term.end = period.end;
    if (peekIs("to")) {
      advance();
      if (auto unit =
              unitFromWord(peek().text)) {  // this year to second: until the current unit ends
        advance();
        term.end = relative(*unit, 1);
      } else {
        auto end = parsePeriod();
        if (auto* error = std::get_if<FilterError>(&end)) return *error;
        term.end = std::get<Period>(end).start;
      }
    } else if (peekIs("for")) {
      advance();
      auto count = parseCount(1);
      if (auto* error = std::get_if<FilterError>(&count)) return *error;
      auto unit = parseUnit();
      if (auto* error = std::get_if<FilterError>(&unit)) return *error;
      term.end = DateLength{std::get<int64_t>(count), std::get<DateUnit>(unit)};
    } else if (period.isMoment) {
      return makeError(
          FilterCode::filter_syntax, term.offset,
          "'now' at position " + std::to_string(term.offset) + " is a moment, not a period",
          "write 'before now', 'after now' or '2024-01-01 to now'");
    }
    return term;
  }

  /// A period, or the moment `now` (only valid after before/after/to).
  std::variant<Period, FilterError> parsePeriod() {
    const Word word = peek();
    const std::string lower = lowerAscii(word.text);
    Period period;
    if (lower == "today" || lower == "yesterday" || lower == "tomorrow") {
      advance();
      period.start =
          relative(DateUnit::Day, lower == "today" ? 0 : (lower == "yesterday" ? -1 : 1));
      period.end = DateLength{1, DateUnit::Day};
      return period;
    }
    if (lower == "now") {
      advance();
      period.start.kind = DateMoment::Kind::Now;
      period.end = period.start;
      period.isMoment = true;
      return period;
    }
    if (lower == "this" || lower == "last" || lower == "next") {
      advance();
      int64_t count = 1;
      bool counted = false;
      if (lower != "this" && allDigits(peek().text)) {
        auto parsed = parseCount(1);
        if (auto* error = std::get_if<FilterError>(&parsed)) return *error;
        count = std::get<int64_t>(parsed);
        counted = true;
      }
      auto unit = parseUnit();
      if (auto* error = std::get_if<FilterError>(&unit)) return *error;
      const DateUnit u = std::get<DateUnit>(unit);
      const int64_t offset = lower == "this" ? 0 : (lower == "next" ? 1 : (counted ? -count : -1));
      period.start = relative(u, offset);
      period.end = DateLength{count, u};
      return period;
    }
    if (allDigits(word.text) && (word.text.size() != 4 || unitFromWord(nextWord().text))) {
      return parseCountedPeriod();
    }
    if (!word.text.empty() && isDigit(word.text[0])) return parseAbsolute();
    if (lower.size() >= 2 && lower.compare(0, 2, "fy") == 0) {
      return makeError(FilterCode::filter_unsupported, word.start,
                       "fiscal periods such as " + describeFound(word.text) + " at position " +
                           std::to_string(word.start) + " are not supported",
                       "write the calendar dates, e.g. 2024-04-01 to 2025-04-01");
    }
    if (lower == "fiscal") return unsupportedFiscal(word);
    if (weekdayFromName(lower)) {
      return makeError(FilterCode::filter_unsupported, word.start,
                       "weekday names such as " + describeFound(word.text) + " at position " +
                           std::to_string(word.start) + " are not supported",
                       "write the date, e.g. 2024-03-04, or a relative period such as 3 days ago");
    }
    if (unitFromWord(word.text)) {
      return makeError(FilterCode::filter_syntax, word.start,
                       "expected a number before " + describeFound(word.text) + " at position " +
                           std::to_string(word.start),
                       std::string("write e.g. '7 ") + dateUnitName(*unitFromWord(word.text)) +
                           "s' or 'this " + dateUnitName(*unitFromWord(word.text)) + "'");
    }
    static const std::vector<std::string> kWords = {"today", "yesterday", "tomorrow", "now",
                                                    "this",  "last",      "next",     "before",
                                                    "after", "null",      "not"};
    const std::string close = closestMatch(lower, kWords);
    return makeError(FilterCode::filter_syntax, word.start,
                     "expected a date, a relative period or NULL at position " +
                         std::to_string(word.start) + ", found " + describeFound(word.text),
                     close.empty() ? "examples: 2024-03-01; last 7 days; this month; before 2024"
                                   : "did you mean '" + close + "'?");
  }

  Word nextWord() const {
    return index_ + 1 < words_.size() ? words_[index_ + 1] : Word{{}, termEnd_};
  }

  FilterError unsupportedFiscal(const Word& word) const {
    return makeError(
        FilterCode::filter_unsupported, word.start,
        "fiscal periods at position " + std::to_string(word.start) + " are not supported",
        "write calendar units such as quarter or year");
  }

  /// `N units`, `N units ago`, `N units from now`.
  std::variant<Period, FilterError> parseCountedPeriod() {
    const Word number = peek();
    auto count = parseCount(0);
    if (auto* error = std::get_if<FilterError>(&count)) return *error;
    auto unit = parseUnit();
    if (auto* error = std::get_if<FilterError>(&unit)) return *error;
    const int64_t n = std::get<int64_t>(count);
    const DateUnit u = std::get<DateUnit>(unit);
    Period period;
    period.end = DateLength{1, u};
    if (peekIs("ago")) {
      advance();
      period.start = relative(u, -n);
      return period;
    }
    if (peekIs("from")) {
      const Word from = advance();
      if (!peekIs("now")) {
        return makeError(FilterCode::filter_syntax, peek().start,
                         "expected 'now' after 'from' at position " + std::to_string(from.start) +
                             ", found " + describeFound(peek().text));
      }
      advance();
      period.start = relative(u, n);
      return period;
    }
    if (n == 0) {
      return makeError(
          FilterCode::filter_out_of_range, number.start,
          "the count at position " + std::to_string(number.start) + " must be at least 1");
    }
    period.start = relative(u, -(n - 1));  // the last n units, the current one included
    period.end = DateLength{n, u};
    return period;
  }

  std::variant<int64_t, FilterError> parseCount(int64_t minimum) {
    const Word word = peek();
    if (!allDigits(word.text)) {
      return makeError(FilterCode::filter_invalid_number, word.start,
                       "expected a whole number at position " + std::to_string(word.start) +
                           ", found " + describeFound(word.text));
    }
    if (word.text.size() > 7 || std::stoll(std::string(word.text)) > kMaxCount) {
      return makeError(FilterCode::filter_out_of_range, word.start,
                       "the count " + describeFound(word.text) + " at position " +
                           std::to_string(word.start) + " is too large",
                       "counts go up to " + std::to_string(kMaxCount));
    }
    const int64_t count = std::stoll(std::string(word.text));
    if (count < minimum) {
      return makeError(FilterCode::filter_out_of_range, word.start,
                       "the count at position " + std::to_string(word.start) +
                           " must be at least " + std::to_string(minimum));
    }
    advance();
    return count;
  }

  std::variant<DateUnit, FilterError> parseUnit() {
    const Word word = peek();
    if (auto unit = unitFromWord(word.text)) {
      advance();
      return *unit;
    }
    if (equalsIgnoreCase(word.text, "fiscal")) return unsupportedFiscal(word);
    static const std::vector<std::string> kUnits = {
        "seconds", "minutes", "hours", "days", "weeks", "months", "quarters", "years",
        "second",  "minute",  "hour",  "day",  "week",  "month",  "quarter",  "year"};
    const std::string close = closestMatch(lowerAscii(word.text), kUnits);
    return makeError(FilterCode::filter_unknown_unit, word.start,
                     "expected a unit (second, minute, hour, day, week, month, quarter, year) at "
                     "position " +
                         std::to_string(word.start) + ", found " + describeFound(word.text),
                     close.empty() ? "" : "did you mean '" + close + "'?");
  }

  std::variant<Period, FilterError> parseAbsolute() {
    const Word date = advance();
    const Word time = peek();
    const bool hasTime = !time.text.empty() && isDigit(time.text[0]) &&
                         time.text.find(':') != std::string_view::npos;
    auto parsed = parseAbsoluteDate(date.text, date.start, hasTime ? time.text : std::string_view(),
                                    time.start);
    if (auto* error = std::get_if<FilterError>(&parsed)) return *error;
    if (hasTime) advance();
    const AbsoluteDate& absolute = std::get<AbsoluteDate>(parsed);
    Period period;
    period.start.kind = DateMoment::Kind::Absolute;
    period.start.time = absolute.time;
    period.end = absolute.length;
    return period;
  }

  std::string_view expr_;
  std::vector<Word> words_;
  size_t index_ = 0;
  size_t termEnd_ = 0;
};

}  // namespace

std::variant<DateFilter, FilterError> parseDateFilter(std::string_view expr) {
  return DateParser(expr).parse();
}

}  // namespace lkml::codegen::filter
