// findLiquidReferences through the Liquid parser: every field a template names, wherever it
// stands (outputs, conditions, case/when, filter arguments, Looker tags), in source order.
#include <gtest/gtest.h>

#include <string>

#include "semantic/sql_references.h"

namespace lkml::semantic {
namespace {

std::string show(const std::string& sql) {
  std::string out;
  for (const LiquidReference& r : findLiquidReferences(sql)) {
    const char* kind = r.kind == LiquidReference::Kind::Condition    ? "condition"
                       : r.kind == LiquidReference::Kind::Parameter  ? "parameter"
                       : r.kind == LiquidReference::Kind::FieldValue ? "field"
                                                                     : "attribute";
    out += std::string(kind) + ":" + r.name + "@" + sql.substr(r.begin, r.end - r.begin) + "\n";
  }
  return out;
}

TEST(LiquidReferencesTest, AllFieldReferencesInSourceOrder) {
  EXPECT_EQ(show("{% if orders.status._in_query and p._parameter_value == 'x' %}"
                 "{{ _filters['orders.created_date'] | default: v.f._name }}"
                 "{% elsif users._is_filtered %}{% date_start orders.created_date %}{% endif %}"),
            "field:orders.status@orders.status._in_query\n"
            "field:p@p._parameter_value\n"
            "field:orders.created_date@_filters['orders.created_date']\n"
            "field:v.f@v.f._name\n"
            "field:users@users._is_filtered\n"
            "field:orders.created_date@{% date_start orders.created_date %}\n");
}

TEST(LiquidReferencesTest, TagsAndAttributes) {
  EXPECT_EQ(show("{% case m._parameter_value %}{% when 'a' %}{% condition f %} ${x} "
                 "{% endcondition %}{% endcase %} = '{{ _user_attributes['region'] }}'"),
            "field:m@m._parameter_value\n"
            "condition:f@{% condition f %} ${x} {% endcondition %}\n"
            "attribute:region@_user_attributes['region']\n");
  std::vector<LiquidReference> refs =
      findLiquidReferences("{% condition f %} ${x} {% endcondition %}");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].inner, "${x}");
}

TEST(LiquidReferencesTest, PlainVariablesAndLoopsAreNotFields) {
  EXPECT_EQ(show("{% assign x = 'a' %}{{ x }}{% for i in (1..3) %}{{ forloop.index }}{% endfor %}"
                 "{{ _model._name }}"),
            "");
}

TEST(LiquidReferencesTest, UnparsableLiquidFallsBackToScanning) {
  EXPECT_EQ(show("{% parameter p %} {% if x %}"), "parameter:p@{% parameter p %}\n");
}

}  // namespace
}  // namespace lkml::semantic
