// View::findField through the open-addressing index that View::indexFields builds.
#include <gtest/gtest.h>

#include <string>

#include "semantic/model.h"

namespace lkml::semantic {
namespace {

Field named(const std::string& name, const std::string& type) {
  Field f;
  f.name = name;
  f.type = type;
  return f;
}

TEST(FieldIndexTest, FindsEveryFieldAndNothingElse) {
  View view;
  for (int i = 0; i < 300; ++i) view.fields.push_back(named("field_" + std::to_string(i), "x"));
  view.indexFields();
  EXPECT_GE(view.field_index.size(), 2 * view.fields.size());
  for (int i = 0; i < 300; ++i) {
    const Field* f = view.findField("field_" + std::to_string(i));
    ASSERT_NE(f, nullptr) << i;
    EXPECT_EQ(f->name, "field_" + std::to_string(i));
  }
  EXPECT_EQ(view.findField("field_300"), nullptr);
  EXPECT_EQ(view.findField(""), nullptr);
}

TEST(FieldIndexTest, TheFirstOfDuplicatesIsFound) {
  View view;
  view.fields.push_back(named("id", "number"));
  view.fields.push_back(named("name", "string"));
  view.fields.push_back(named("id", "string"));  // a duplicate, reported by the checks
  view.indexFields();
  ASSERT_NE(view.findField("id"), nullptr);
  EXPECT_EQ(view.findField("id"), &view.fields[0]);
  EXPECT_EQ(view.findField("name"), &view.fields[1]);
}

TEST(FieldIndexTest, EmptyAndCopiedViews) {
  View empty;
  EXPECT_EQ(empty.findField("id"), nullptr);
  empty.indexFields();
  EXPECT_EQ(empty.findField("id"), nullptr);

  View view;
  view.fields.push_back(named("id", "number"));
  view.indexFields();
  View copy = view;  // the index holds positions, not pointers: a copy finds its own fields
  EXPECT_EQ(copy.findField("id"), &copy.fields[0]);
}

}  // namespace
}  // namespace lkml::semantic
