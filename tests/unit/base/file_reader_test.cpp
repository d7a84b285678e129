// readRegularFile refuses FIFOs and devices without blocking; readFile still reads pipes the
// user names on the command line.
#include "base/file_reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace lkml {
namespace {

namespace fs = std::filesystem;

class ReadRegularFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("lkml-file-reader-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(ReadRegularFile, ReadsRegularFilesAndLinksToThem) {
  std::ofstream(path("a.view.lkml")) << "view: a {}\n";
  fs::create_symlink(path("a.view.lkml"), path("b.view.lkml"));
  for (const char* name : {"a.view.lkml", "b.view.lkml"}) {
    ReadResult read = readRegularFile(path(name));
    EXPECT_TRUE(read.ok) << read.error;
    EXPECT_FALSE(read.not_regular);
    EXPECT_EQ(read.text, "view: a {}\n");
  }
  EXPECT_EQ(nonRegularKind(path("a.view.lkml")), "");
}

TEST_F(ReadRegularFile, RefusesFifosAndDevicesWithoutBlocking) {
  ASSERT_EQ(::mkfifo(path("p.view.lkml").c_str(), 0600), 0);
  fs::create_symlink(path("p.view.lkml"), path("q.view.lkml"));
  // No writer ever opens the FIFO: a blocking open would hang this test.
  for (const char* name : {"p.view.lkml", "q.view.lkml"}) {
    ReadResult read = readRegularFile(path(name));
    EXPECT_FALSE(read.ok);
    EXPECT_TRUE(read.not_regular);
    EXPECT_EQ(read.error, "is a FIFO, not a regular file");
  }
  EXPECT_EQ(nonRegularKind(path("q.view.lkml")), "a FIFO");
  ReadResult device = readRegularFile("/dev/null");
  EXPECT_TRUE(device.not_regular);
  EXPECT_EQ(device.error, "is a character device, not a regular file");
  ReadResult missing = readRegularFile(path("none.lkml"));
  EXPECT_FALSE(missing.ok);
  EXPECT_FALSE(missing.not_regular);
}

TEST_F(ReadRegularFile, ReadFileStillReadsAPipe) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ASSERT_EQ(::write(fds[1], "abc", 3), 3);
  ::close(fds[1]);
  ReadResult read = readFile("/dev/fd/" + std::to_string(fds[0]));
  ::close(fds[0]);
  EXPECT_TRUE(read.ok) << read.error;
  EXPECT_EQ(read.text, "abc");
}

}  // namespace
}  // namespace lkml
