// `lkml hook install` and the pre-commit hook it writes, in throw-away git repositories: the
// hook lints the staged content of the projects holding staged .lkml files (offline catalog
// checks with PROJECT/lkml-schema.json) and blocks commits with errors. No database needed.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "tests/integration/schema_test_support.h"

namespace lkml::schema::test {
namespace {

const char* kSnapshot = R"JSON({
  "format": "lkml-catalog/1",
  "relations": [
    {
      "schema": "public",
      "name": "orders",
      "kind": "table",
      "columns": [
        {"name": "id", "ordinal": 1, "type": "integer", "category": "numeric", "nullable": false},
        {"name": "amount", "ordinal": 2, "type": "numeric(10,2)", "category": "numeric", "nullable": true}
      ],
      "primary_key": ["id"]
    }
  ]
}
)JSON";

const char* kModel = "connection: \"shop\"\ninclude: \"/views/*.view.lkml\"\nexplore: orders {}\n";

std::string view(const std::string& column) {
  return "view: orders {\n  sql_table_name: public.orders ;;\n"
         "  dimension: id {\n    primary_key: yes\n    type: number\n    sql: ${TABLE}.id ;;\n  }\n"
         "  measure: total {\n    type: sum\n    sql: ${TABLE}." +
         column + " ;;\n  }\n}\n";
}

void write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class Repo {
 public:
  Repo() : dir_("hook-repo") { git("init -q"); }
  const std::string& path() const { return path_ = dir_.path(); }
  std::string file(const std::string& relative) const { return dir_.file(relative); }

  int git(const std::string& args, std::string* output = nullptr) const {
    std::string out;
    int status = lkml::test::runCommand(
        "cd " + shellQuote(dir_.path()) +
            " && git -c user.name=lkml -c user.email=lkml@example.com -c commit.gpgsign=false " +
            args,
        &out, true);
    if (output) *output = out;
    return status;
  }
  int commit(const std::string& message, std::string* output) const {
    return git("commit -q -m " + shellQuote(message), output);
  }
  LkmlRun lkml(const std::string& args) const {
    return runLkml(args, "cd " + shellQuote(dir_.path()) + " &&");
  }

 private:
  ScratchDir dir_;
  mutable std::string path_;
};

TEST(Hook, BlocksCommitsWithErrorsInTheStagedContent) {
  Repo repo;
  LkmlRun install = repo.lkml("hook install");
  ASSERT_EQ(install.status, 0) << install.err;
  std::string hook = repo.file(".git/hooks/pre-commit");
  struct stat st {};
  ASSERT_EQ(stat(hook.c_str(), &st), 0);
  EXPECT_TRUE(st.st_mode & S_IXUSR);
  EXPECT_NE(readFile(hook).find("# lkml-pre-commit-hook"), std::string::npos);

  write(repo.file("shop/lkml-schema.json"), kSnapshot);
  write(repo.file("shop/models/shop.model.lkml"), kModel);
  write(repo.file("shop/views/orders.view.lkml"), view("amount"));
  std::string output;
  ASSERT_EQ(repo.git("add -A"), 0);
  EXPECT_EQ(repo.commit("good", &output), 0) << output;

  // A column the snapshot does not have: the catalog check (offline) blocks the commit.
  write(repo.file("shop/views/orders.view.lkml"), view("amout"));
  ASSERT_EQ(repo.git("add shop/views/orders.view.lkml"), 0);
  EXPECT_NE(repo.commit("bad column", &output), 0) << output;
  EXPECT_NE(output.find("LKML302"), std::string::npos) << output;
  EXPECT_NE(output.find("shop/views/orders.view.lkml:10:10"), std::string::npos) << output;

  // Fixed in the working tree but not staged: the staged content is still wrong.
  write(repo.file("shop/views/orders.view.lkml"), view("amount") + "# fixed\n");
  EXPECT_NE(repo.commit("still bad", &output), 0) << output;

  ASSERT_EQ(repo.git("add shop/views/orders.view.lkml"), 0);
  EXPECT_EQ(repo.commit("fixed", &output), 0) << output;

  // Syntax errors block too; commits without .lkml files are not linted.
  write(repo.file("shop/views/orders.view.lkml"), "view: orders {\n  dimension: id {\n");
  ASSERT_EQ(repo.git("add shop/views/orders.view.lkml"), 0);
  EXPECT_NE(repo.commit("syntax", &output), 0) << output;
  ASSERT_EQ(repo.git("reset -q --hard"), 0);
  write(repo.file("README.md"), "notes\n");
  ASSERT_EQ(repo.git("add README.md"), 0);
  EXPECT_EQ(repo.commit("docs", &output), 0) << output;
}

TEST(Hook, RefusesToOverwriteAForeignHookWithoutForce) {
  Repo repo;
  std::string hook = repo.file(".git/hooks/pre-commit");
  write(hook, "#!/bin/sh\necho mine\n");
  LkmlRun refused = repo.lkml("hook install");
  EXPECT_EQ(refused.status, 2) << refused.err;
  EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
  EXPECT_EQ(readFile(hook), "#!/bin/sh\necho mine\n");

  LkmlRun forced = repo.lkml("hook install --force");
  EXPECT_EQ(forced.status, 0) << forced.err;
  EXPECT_NE(readFile(hook).find("# lkml-pre-commit-hook"), std::string::npos);
  EXPECT_EQ(readFile(repo.file(".git/hooks/pre-commit.backup")), "#!/bin/sh\necho mine\n");

  // Our own hook is simply updated.
  LkmlRun again = repo.lkml("hook install");
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("updated"), std::string::npos) << again.err;
}

TEST(Hook, OutsideAGitRepositoryIsAUsageError) {
  ScratchDir dir("not-a-repo");
  LkmlRun run =
      runLkml("hook install", "cd " + shellQuote(dir.path()) + " && GIT_CEILING_DIRECTORIES=" +
                                  shellQuote(fs::path(dir.path()).parent_path().string()));
  EXPECT_EQ(run.status, 2) << run.err;
}

TEST(Hook, PreCommitFrameworkManifest) {
  std::string yaml = readFile(lkml::test::sourceDir() + "/.pre-commit-hooks.yaml");
  EXPECT_NE(yaml.find("- id: lkml-lint"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("language: system"), std::string::npos);
  EXPECT_NE(yaml.find("entry: lkml lint"), std::string::npos);
  EXPECT_NE(yaml.find("files: \\.lkml$"), std::string::npos);
  EXPECT_NE(yaml.find("pass_filenames: false"), std::string::npos);
}

}  // namespace
}  // namespace lkml::schema::test
