// The sample project looker/ lints clean; a copy with one reference broken at a time gives
// exactly one error, with the right code, at the right place, with a suggestion.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/test_paths.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

namespace fs = std::filesystem;
using test::Linted;
using ::testing::IsEmpty;

std::string lookerDir() { return lkml::test::sourceDir() + "/looker"; }

TEST(LookerProject, LintsClean) {
  Linted linted = test::lintDir(lookerDir());
  EXPECT_THAT(linted.messages(), IsEmpty()) << linted.text();
  const Model* ti = linted.model("ti");
  ASSERT_NE(ti, nullptr);
  EXPECT_EQ(ti->connection, "postgres");
  EXPECT_EQ(ti->access_grants.size(), 3u);
  EXPECT_NE(ti->findExplore("users_client"), nullptr);
}

TEST(LookerProject, CliExitsZero) {
  std::string out;
  EXPECT_EQ(test::runLkml("lint " + test::quoted(lookerDir()), &out, true), 0) << out;
  EXPECT_THAT(out, ::testing::HasSubstr("0 errors, 0 warnings"));
}

struct Breakage {
  const char* name;
  const char* file;      // relative to looker/
  const char* original;  // must occur exactly once in the file
  const char* broken;
  int code;
  const char* where;  // file:line:col of the error
  const char* help;
};

void PrintTo(const Breakage& b, std::ostream* os) { *os << b.name; }

const Breakage kBreakages[] = {
    {"field_in_same_view", "views/users.view.lkml", "sql: ${first_name} || ' ' || ${last_name} ;;",
     "sql: ${first_name} || ' ' || ${last_nmae} ;;", 205, "views/users.view.lkml:47:34",
     "did you mean `last_name`?"},
    {"view_in_join_condition", "explores/enrollments.explore.lkml",
     "sql_on: ${enrollments.user_id} = ${users.id} ;;",
     "sql_on: ${enrollments.user_id} = ${user.id} ;;", 206,
     "explores/enrollments.explore.lkml:15:38", "did you mean `${users.id}`?"},
    {"access_grant", "explores/users.explore.lkml", "required_access_grants: [client]",
     "required_access_grants: [cleint]", 212, "explores/users.explore.lkml:58:3",
     "did you mean `client`?"},
    {"explore_extends", "explores/certificates.explore.lkml",
     "explore: certificates_company {\n  extends: [certificates_base]",
     "explore: certificates_company {\n  extends: [certificate_base]", 204,
     "explores/certificates.explore.lkml:45:13", "did you mean `certificates_base`?"},
    {"dimension_group_timeframe", "views/enrollments.view.lkml", "sql_start: ${enrolled_raw} ;;",
     "sql_start: ${enrolled} ;;", 223, "views/enrollments.view.lkml:56:16",
     "append a timeframe, e.g. `enrolled_date` or `enrolled_raw`"},
    {"explore_field_list", "explores/courses.explore.lkml",
     "fields: [ALL_FIELDS*, -users.email, -users.last_name, -users.full_name]",
     "fields: [ALL_FIELDS*, -users.email, -users.lastname, -users.full_name]", 205,
     "explores/courses.explore.lkml:65:39", "did you mean `users.last_name`?"},
    {"access_filter_field", "explores/companies.explore.lkml",
     "explore: companies_company {\n  extends: [companies_base]\n  label: \"Companies (Company)\"\n"
     "  description: \"Your company: its users, their learning activity and its course "
     "catalog.\"\n  required_access_grants: [company]\n  access_filter: {\n    field: companies.id",
     "explore: companies_company {\n  extends: [companies_base]\n  label: \"Companies (Company)\"\n"
     "  description: \"Your company: its users, their learning activity and its course "
     "catalog.\"\n  required_access_grants: [company]\n  access_filter: {\n    field: company.id",
     206, "explores/companies.explore.lkml:54:12", "did you mean `companies.id`?"},
};

class LookerBroken : public ::testing::TestWithParam<Breakage> {};

TEST_P(LookerBroken, OnePreciseError) {
  const Breakage& b = GetParam();
  test::TempProject copy;
  fs::copy(lookerDir(), copy.root(), fs::copy_options::recursive);
  std::string path = copy.path(b.file);
  std::string text = lkml::test::readText(path);
  size_t at = text.find(b.original);
  ASSERT_NE(at, std::string::npos) << b.file << " changed: update this test";
  ASSERT_EQ(text.find(b.original, at + 1), std::string::npos) << "ambiguous: " << b.original;
  text.replace(at, std::string(b.original).size(), b.broken);
  std::ofstream(path, std::ios::binary) << text;

  Linted linted = test::lintDir(copy.root());
  std::vector<const Diagnostic*> errors;
  for (const auto& d : linted.diagnostics) {
    if (d.severity == Severity::Error) errors.push_back(&d);
  }
  ASSERT_EQ(errors.size(), 1u) << linted.text();
  EXPECT_EQ(errors[0]->code, b.code) << linted.text();
  EXPECT_EQ(linted.where(*errors[0], copy.root()), b.where) << linted.text();
  EXPECT_EQ(errors[0]->help, b.help);
}

INSTANTIATE_TEST_SUITE_P(Breakages, LookerBroken, ::testing::ValuesIn(kBreakages),
                         [](const ::testing::TestParamInfo<Breakage>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace lkml::semantic
