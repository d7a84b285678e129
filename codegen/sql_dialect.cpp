// Names of the enums shared by every dialect (units, weekdays, timeframes).
#include "codegen/sql_dialect.h"

#include <array>
#include <cctype>

namespace lkml::codegen {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

struct TimeframeName {
  Timeframe timeframe;
  const char* name;
};
constexpr std::array<TimeframeName, 27> kTimeframes = {{
    {Timeframe::Raw, "raw"},
    {Timeframe::Time, "time"},
    {Timeframe::TimeOfDay, "time_of_day"},
    {Timeframe::Date, "date"},
    {Timeframe::Week, "week"},
    {Timeframe::Month, "month"},
    {Timeframe::Quarter, "quarter"},
    {Timeframe::Year, "year"},
    {Timeframe::Hour, "hour"},
    {Timeframe::Minute, "minute"},
    {Timeframe::Second, "second"},
    {Timeframe::HourOfDay, "hour_of_day"},
    {Timeframe::DayOfWeek, "day_of_week"},
    {Timeframe::DayOfWeekIndex, "day_of_week_index"},
    {Timeframe::DayOfMonth, "day_of_month"},
    {Timeframe::DayOfYear, "day_of_year"},
    {Timeframe::WeekOfYear, "week_of_year"},
    {Timeframe::MonthNum, "month_num"},
    {Timeframe::MonthName, "month_name"},
    {Timeframe::QuarterOfYear, "quarter_of_year"},
    {Timeframe::Millisecond, "millisecond"},
    {Timeframe::Microsecond, "microsecond"},
    {Timeframe::FiscalMonthNum, "fiscal_month_num"},
    {Timeframe::FiscalQuarter, "fiscal_quarter"},
    {Timeframe::FiscalQuarterOfYear, "fiscal_quarter_of_year"},
    {Timeframe::FiscalYear, "fiscal_year"},
    {Timeframe::YesNo, "yesno"},
}};

// The bucket sizes Looker documents for hourN, minuteN and millisecondN (divisors of 24, 60
// and 1000); other numbers are not timeframes.
struct SteppedTimeframe {
  Timeframe timeframe;
  const char* prefix;
  std::array<int, 14> steps;  // zero-padded
};
constexpr std::array<SteppedTimeframe, 3> kStepped = {{
    {Timeframe::HourN, "hour", {2, 3, 4, 6, 8, 12}},
    {Timeframe::MinuteN, "minute", {2, 3, 4, 5, 6, 10, 12, 15, 20, 30}},
    {Timeframe::MillisecondN,
     "millisecond",
     {2, 4, 5, 8, 10, 20, 25, 40, 50, 100, 125, 200, 250, 500}},
}};

constexpr std::array<const char*, 7> kWeekdays = {"monday", "tuesday",  "wednesday", "thursday",
                                                  "friday", "saturday", "sunday"};

}  // namespace

const char* dateUnitName(DateUnit unit) {
  switch (unit) {
    case DateUnit::Second:
      return "second";
    case DateUnit::Minute:
      return "minute";
    case DateUnit::Hour:
      return "hour";
    case DateUnit::Day:
      return "day";
    case DateUnit::Week:
      return "week";
    case DateUnit::Month:
      return "month";
    case DateUnit::Quarter:
      return "quarter";
    case DateUnit::Year:
      return "year";
  }
  return "day";
}

std::optional<Weekday> weekdayFromName(std::string_view name) {
  for (size_t i = 0; i < kWeekdays.size(); ++i) {
    if (equalsIgnoreCase(name, kWeekdays[i])) return static_cast<Weekday>(i);
  }
  return std::nullopt;
}

const char* timeframeName(Timeframe timeframe) {
  for (const auto& entry : kTimeframes) {
    if (entry.timeframe == timeframe) return entry.name;
  }
  for (const auto& entry : kStepped) {
    if (entry.timeframe == timeframe) return entry.prefix;
  }
  return "raw";
}

std::optional<TimeframeSpec> parseTimeframe(std::string_view name) {
  if (auto plain = timeframeFromName(name)) return TimeframeSpec{*plain, 1};
  for (const auto& entry : kStepped) {
    std::string_view prefix = entry.prefix;
    if (name.size() <= prefix.size() || name.substr(0, prefix.size()) != prefix) continue;
    std::string_view digits = name.substr(prefix.size());
    if (digits.size() > 3 || digits[0] == '0') continue;
    int step = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      step = step * 10 + (c - '0');
    }
    for (int allowed : entry.steps) {
      if (allowed != 0 && allowed == step) return TimeframeSpec{entry.timeframe, step};
    }
  }
  return std::nullopt;
}

std::optional<Timeframe> timeframeFromName(std::string_view name) {
  for (const auto& entry : kTimeframes) {
    if (name == entry.name) return entry.timeframe;
  }
  return std::nullopt;
}

bool isDateValuedTimeframe(Timeframe timeframe) {
  switch (timeframe) {
    case Timeframe::Raw:
    case Timeframe::Time:
    case Timeframe::Date:
    case Timeframe::Week:
    case Timeframe::Month:
    case Timeframe::Quarter:
    case Timeframe::Year:
    case Timeframe::Hour:
    case Timeframe::Minute:
    case Timeframe::Second:
    case Timeframe::Millisecond:
    case Timeframe::Microsecond:
    case Timeframe::HourN:
    case Timeframe::MinuteN:
    case Timeframe::MillisecondN:
      return true;
    default:
      return false;
  }
}

}  // namespace lkml::codegen

namespace lkml::codegen {

std::optional<DateUnit> dateUnitFromName(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower.size() > 1 && lower.back() == 's') lower.pop_back();
  for (DateUnit unit : {DateUnit::Second, DateUnit::Minute, DateUnit::Hour, DateUnit::Day,
                        DateUnit::Week, DateUnit::Month, DateUnit::Quarter, DateUnit::Year}) {
    if (lower == dateUnitName(unit)) return unit;
  }
  return std::nullopt;
}

}  // namespace lkml::codegen
