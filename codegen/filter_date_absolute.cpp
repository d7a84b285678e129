// Absolute dates in date filters: 2024, 2024-03, 2024/03, 2024-03-01, 2024-Q1, with an
// optional time 10:30 or 10:30:15 after a full date. The calendar is validated.
#include <string>

#include "codegen/filter_internal.h"

namespace lkml::codegen::filter {
namespace {

int daysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

const char* monthName(int month) {
  static const char* kNames[] = {"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};
  return kNames[month - 1];
}

/// Reads up to `maxDigits` digits of `text` from `pos` (at least one).
class FieldReader {
 public:
  FieldReader(std::string_view text, size_t start) : text_(text), start_(start) {}

  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return atEnd() ? '\0' : text_[pos_]; }
  void skip() { ++pos_; }
  size_t offset() const { return start_ + pos_; }

  std::optional<int> number(size_t minDigits, size_t maxDigits) {
    size_t digits = 0;
    int value = 0;
    while (!atEnd() && isDigit(peek()) && digits < maxDigits) {
      value = value * 10 + (peek() - '0');
      ++pos_;
      ++digits;
    }
    if (digits < minDigits) return std::nullopt;
    return value;
  }

  FilterError unexpected(const char* what) const {
    const std::string found = atEnd() ? std::string() : std::string(1, peek());
    return makeError(FilterCode::filter_invalid_date, offset(),
                     "invalid date " + describeFound(text_) + ": expected " + what +
                         " at position " + std::to_string(offset()) + ", found " +
                         describeFound(found),
                     "dates are written 2024, 2024-03, 2024-03-01, 2024-03-01 10:30 or 2024-Q1");
  }

 private:
  std::string_view text_;
  size_t start_;
  size_t pos_ = 0;
};

FilterError outOfRange(size_t offset, const std::string& message) {
  return makeError(FilterCode::filter_invalid_date, offset, message);
}

std::optional<FilterError> parseTime(std::string_view text, size_t start, CivilTime& time,
                                     DateLength& length) {
  FieldReader reader(text, start);
  const size_t hourAt = reader.offset();
  const auto hour = reader.number(1, 2);
  if (!hour || reader.peek() != ':') return reader.unexpected("a time HH:MM or HH:MM:SS");
  reader.skip();
  const size_t minuteAt = reader.offset();
  const auto minute = reader.number(2, 2);
  if (!minute) return reader.unexpected("two digits of minutes");
  length = DateLength{1, DateUnit::Minute};
  std::optional<int> second = 0;
  size_t secondAt = 0;
  if (reader.peek() == ':') {
    reader.skip();
    secondAt = reader.offset();
    second = reader.number(2, 2);
    if (!second) return reader.unexpected("two digits of seconds");
    length = DateLength{1, DateUnit::Second};
  }
  if (!reader.atEnd()) return reader.unexpected("the end of the time");
  if (*hour > 23) return outOfRange(hourAt, "hour " + std::to_string(*hour) + " is not 0-23");
  if (*minute > 59) {
    return outOfRange(minuteAt, "minute " + std::to_string(*minute) + " is not 0-59");
  }
  if (*second > 59) {
    return outOfRange(secondAt, "second " + std::to_string(*second) + " is not 0-59");
  }
  time.hour = *hour;
  time.minute = *minute;
  time.second = *second;
  return std::nullopt;
}

}  // namespace

std::variant<AbsoluteDate, FilterError> parseAbsoluteDate(std::string_view date, size_t dateStart,
                                                          std::string_view time, size_t timeStart) {
  AbsoluteDate result;
  FieldReader reader(date, dateStart);
  const auto year = reader.number(4, 4);
  if (!year) return reader.unexpected("a four-digit year");
  result.time.year = *year;
  result.length = DateLength{1, DateUnit::Year};
  if (*year < 1) return outOfRange(dateStart, "year 0000 does not exist");
  if (!reader.atEnd()) {
    const char separator = reader.peek();
    if (separator != '-' && separator != '/') return reader.unexpected("'-' or '/'");
    reader.skip();
    if (reader.peek() == 'Q' || reader.peek() == 'q') {
      reader.skip();
      const size_t quarterAt = reader.offset();
      const auto quarter = reader.number(1, 1);
      if (!quarter) return reader.unexpected("a quarter 1-4");
      if (!reader.atEnd()) return reader.unexpected("the end of the date");
      if (*quarter < 1 || *quarter > 4) {
        return outOfRange(quarterAt, "quarter " + std::to_string(*quarter) + " is not 1-4");
      }
      result.time.month = (*quarter - 1) * 3 + 1;
      result.length = DateLength{1, DateUnit::Quarter};
    } else {
      const size_t monthAt = reader.offset();
      const auto month = reader.number(1, 2);
      if (!month) return reader.unexpected("a month 1-12");
      if (*month < 1 || *month > 12) {
        return outOfRange(monthAt, "month " + std::to_string(*month) + " is not 1-12");
      }
      result.time.month = *month;
      result.length = DateLength{1, DateUnit::Month};
      if (!reader.atEnd()) {
        if (reader.peek() != separator) {
          return reader.unexpected(separator == '-' ? "'-'" : "'/'");
        }
        reader.skip();
        const size_t dayAt = reader.offset();
        const auto day = reader.number(1, 2);
        if (!day) return reader.unexpected("a day of the month");
        if (!reader.atEnd()) return reader.unexpected("the end of the date");
        const int days = daysInMonth(*year, *month);
        if (*day < 1 || *day > days) {
          return outOfRange(
              dayAt, "day " + std::to_string(*day) + " does not exist: " + monthName(*month) + " " +
                         std::to_string(*year) + " has " + std::to_string(days) + " days");
        }
        result.time.day = *day;
        result.length = DateLength{1, DateUnit::Day};
      }
    }
  }
  if (!time.empty()) {
    if (result.length.unit != DateUnit::Day) {
      return makeError(
          FilterCode::filter_invalid_date, timeStart,
          "a time at position " + std::to_string(timeStart) + " needs a full date before it",
          "write e.g. 2024-03-01 10:30");
    }
    if (auto error = parseTime(time, timeStart, result.time, result.length)) return *error;
  }
  return result;
}

}  // namespace lkml::codegen::filter
