// The Liquid evaluator: conditions (right to left), loops, filters, and the origin of every
// byte of output (template text versus user text).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "liquid/evaluator.h"
#include "liquid/parser.h"

namespace lkml::liquid {
namespace {

// Variables from a map: `name` -> template string, `user.name` -> user string.
class MapEnvironment : public Environment {
 public:
  std::map<std::string, Value> vars;
  bool lookup(const std::string& root, const std::vector<std::string>& keys, Value* out,
              std::string* error) override {
    std::string path = root;
    for (const auto& k : keys) path += "." + k;
    if (path == "bad") {
      *error = "`bad` cannot be used here";
      return false;
    }
    auto it = vars.find(path);
    *out = it == vars.end() ? Value() : it->second;
    return true;
  }
};

// Renders `text`; user bytes are shown as «...», numbers as #...#.
std::string render(const std::string& text, MapEnvironment& env, std::string* error = nullptr) {
  ParseResult parsed = parseTemplate(text);
  if (!parsed.ok()) return "PARSE ERROR: " + parsed.error->message;
  EvalOptions options;
  options.max_iterations = 100;
  EvalResult r = evaluate(parsed.tmpl, env, options);
  if (!r.ok()) {
    if (error) *error = r.error->message;
    return "EVAL ERROR";
  }
  std::string out;
  for (const Segment& s : r.segments) {
    switch (s.kind) {
      case Segment::Kind::Text:
        out += s.text;
        break;
      case Segment::Kind::User:
        out += "«" + s.text + "»";
        break;
      case Segment::Kind::Number:
        out += "#" + s.text + "#";
        break;
      case Segment::Kind::Tag:
        out += "<" + s.tag + " " + s.argument + ">";
        break;
    }
  }
  return out;
}

std::string render(const std::string& text) {
  MapEnvironment env;
  return render(text, env);
}

TEST(LiquidEvaluatorTest, ConditionsEvaluateRightToLeft) {
  // `true or false and false`: Liquid reads it as `true or (false and false)` = true.
  EXPECT_EQ(render("{% if true or false and false %}y{% else %}n{% endif %}"), "y");
  // `false and false or true` = `false and (false or true)` = false (left-to-right: true).
  EXPECT_EQ(render("{% if false and false or true %}y{% else %}n{% endif %}"), "n");
}

TEST(LiquidEvaluatorTest, Comparisons) {
  EXPECT_EQ(render("{% if 2 > 1 and 'ab' contains 'b' and 1 <= 1 %}y{% endif %}"), "y");
  EXPECT_EQ(render("{% if 'a' != 'a' %}y{% else %}n{% endif %}"), "n");
  EXPECT_EQ(render("{% if '' == empty and nil == blank %}y{% endif %}"), "y");
  EXPECT_EQ(render("{% unless 1 == 2 %}u{% endunless %}"), "u");
  // Only nil and false are false: the empty string is true.
  EXPECT_EQ(render("{% if '' %}t{% endif %}"), "t");
}

TEST(LiquidEvaluatorTest, CaseWhenElse) {
  EXPECT_EQ(render("{% case 'b' %}{% when 'a' %}A{% when 'b', 'c' %}BC{% else %}E{% endcase %}"),
            "BC");
  EXPECT_EQ(render("{% case 'z' %}{% when 'a' %}A{% else %}E{% endcase %}"), "E");
}

TEST(LiquidEvaluatorTest, AssignCaptureAndFor) {
  EXPECT_EQ(render("{% assign x = 'a,b,c' | split: ',' %}{% for i in x %}{{ i }}{% unless "
                   "forloop.last %}-{% endunless %}{% endfor %}"),
            "a-b-c");
  EXPECT_EQ(render("{% capture c %}[{{ 'x' | upcase }}]{% endcapture %}{{ c }}{{ c }}"), "[X][X]");
  EXPECT_EQ(render("{% for i in (1..5) limit: 2 offset: 1 %}{{ i }}{% endfor %}"), "#2##3#");
  EXPECT_EQ(render("{% for i in (1..3) reversed %}{% if i == 2 %}{% break %}{% endif %}{{ i }}"
                   "{% endfor %}"),
            "#3#");
  EXPECT_EQ(render("{% for i in nothing %}x{% else %}none{% endfor %}"), "none");
}

TEST(LiquidEvaluatorTest, LoopsAreCapped) {
  MapEnvironment env;
  std::string error;
  EXPECT_EQ(
      render("{% for i in (1..50) %}{% for j in (1..50) %}x{% endfor %}{% endfor %}", env, &error),
      "EVAL ERROR");
  EXPECT_NE(error.find("more than 100"), std::string::npos) << error;
}

TEST(LiquidEvaluatorTest, StringGrowthIsCapped) {
  MapEnvironment env;
  std::string error;
  EXPECT_EQ(render("{% assign s = 'xxxxxxxxxxxxxxxx' %}{% for i in (1..60) %}{% assign s = s | "
                   "append: s %}{% endfor %}{{ s }}",
                   env, &error),
            "EVAL ERROR");
  EXPECT_NE(error.find("longer than"), std::string::npos) << error;
}

TEST(LiquidEvaluatorTest, Filters) {
  EXPECT_EQ(render("{{ 'Hello' | downcase | append: '!' | prepend: '>' }}"), ">hello!");
  EXPECT_EQ(render("{{ 'a-b-c' | replace: '-', '+' | remove: 'b' }}"), "a++c");
  EXPECT_EQ(render("{{ 'a,b' | split: ',' | join: '|' }}"), "a|b");
  EXPECT_EQ(render("{{ 'héllo' | size }}"), "#5#");
  EXPECT_EQ(render("{{ nothing | default: 'd' }}{{ '' | default: 'e' }}"), "de");
  EXPECT_EQ(render("{{ '2024-03-05 10:20:30' | date: '%Y/%m/%d %H' }}"), "2024/03/05 10");
  EXPECT_EQ(render("{{ \"it's\" | sql_quote }}"), "'it''s'");
  EXPECT_EQ(render("{{ 'a b&c' | url_encode }}"), "a+b%26c");
  EXPECT_EQ(render("{{ '  x  ' | strip | upcase }}"), "X");
  EXPECT_EQ(render("{{ 7 | plus: 3 | times: 2 | minus: 1 | divided_by: 2 }}"), "#9#");
  EXPECT_EQ(render("{{ 3.14159 | round: 2 }}{{ -2.5 | abs }}{{ 7 | modulo: 4 }}"),
            "#3.14##2.5##3#");
  EXPECT_EQ(render("{{ 'a b/c' | encode_uri }}"), "a%20b/c");
}

TEST(LiquidEvaluatorTest, UserBytesStayMarkedThroughFilters) {
  MapEnvironment env;
  env.vars["attr"] = Value::userString("a,b");
  EXPECT_EQ(render("{{ attr }}", env), "«a,b»");
  // The IN-list idiom: the commas become template text, the user's words stay user text.
  EXPECT_EQ(render("('{{ attr | replace: ',', \"','\" }}')", env), "('«a»','«b»')");
  EXPECT_EQ(render("{{ attr | upcase | prepend: 'x' }}", env), "x«A,B»");
  EXPECT_EQ(render("{{ attr | sql_quote }}", env), "'«a,b»'");
  EXPECT_EQ(render("{% capture c %}<{{ attr }}>{% endcapture %}{{ c }}", env), "<«a,b»>");
  EXPECT_EQ(render("{{ attr | size }}", env), "#3#");
  EXPECT_EQ(render("{% if attr == 'a,b' %}eq{% endif %}", env), "eq");
}

TEST(LiquidEvaluatorTest, UserTextIsNeverReadAsLiquid) {
  MapEnvironment env;
  env.vars["attr"] = Value::userString("{{ secret }}{% if true %}");
  env.vars["secret"] = Value::templateString("LEAK");
  EXPECT_EQ(render("{{ attr }}", env), "«{{ secret }}{% if true %}»");
}

TEST(LiquidEvaluatorTest, LookerTagsAreLeftToTheCaller) {
  EXPECT_EQ(render("{% condition v.f %}{% if true %}col{% endif %}{% endcondition %}"),
            "<condition v.f>");
  MapEnvironment env;
  ParseResult parsed =
      parseTemplate("{% condition v.f %}{% if true %}col{% endif %}{% endcondition %}");
  EvalResult r = evaluate(parsed.tmpl, env);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.segments.size(), 1u);
  ASSERT_EQ(r.segments[0].body.size(), 1u);
  EXPECT_EQ(r.segments[0].body[0].text, "col");
}

TEST(LiquidEvaluatorTest, EnvironmentErrorsCarryOffsets) {
  MapEnvironment env;
  ParseResult parsed = parseTemplate("ab {{ bad }}");
  EvalResult r = evaluate(parsed.tmpl, env);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->begin, 6u);
  EXPECT_EQ(r.error->end, 9u);
}

}  // namespace
}  // namespace lkml::liquid
