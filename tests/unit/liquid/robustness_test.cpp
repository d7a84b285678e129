// No input crashes, hangs or exhausts the stack: templates mutated at random (and deep or huge
// ones) either parse and evaluate within the caps, or report an error at offsets inside the
// text.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "liquid/evaluator.h"
#include "liquid/parser.h"

namespace lkml::liquid {
namespace {

// Every variable is user text; lists come from splitting it.
class EchoEnvironment : public Environment {
 public:
  bool lookup(const std::string& root, const std::vector<std::string>& keys, Value* out,
              std::string*) override {
    std::string path = root;
    for (const auto& k : keys) path += "." + k;
    *out = Value::userString(path + ",x,y");
    return true;
  }
};

const char* const kSeeds[] = {
    "{% if a.b._in_query and c == 'x' or d contains 'y' %}{{ e | upcase }}{% elsif f %}g{% else "
    "%}{{ 'h' | append: i | replace: 'h', j }}{% endif %}",
    "{% case p._parameter_value %}{% when 'a', 'b' %}A{% when 'c' or 'd' %}{% for x in (1..3) "
    "reversed %}{{ x | plus: 1 }}{% endfor %}{% else %}E{% endcase %}",
    "{%- capture c -%}{{ a | split: ',' | join: '|' }}{%- endcapture -%}{{ c | size }}{% assign z "
    "= c | default: 'q' %}{% raw %}{{ z }}{% endraw %}{% comment %}x{% endcomment %}",
    "{% condition v.f %} ${x} {% endcondition %} {% parameter p %} {% date_start d %} "
    "{{ _user_attributes['r'] | sql_quote }} {{ 2 | divided_by: 0 }}",
    "{% for i in a %}{% for j in b %}{% if forloop.first %}{% break %}{% endif %}{{ j }}"
    "{% endfor %}{% continue %}{% endfor %}{% unless x %}u{% endunless %}",
};

TEST(LiquidRobustnessTest, MutatedTemplatesNeverCrash) {
  std::mt19937 rng(12345);
  const std::string alphabet = "{}%-|:,.'\"[]()=<>!abx _\n0123456789";
  EchoEnvironment env;
  EvalOptions options;
  options.max_iterations = 200;
  options.max_text = 4096;
  int parsed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = kSeeds[round % (sizeof kSeeds / sizeof kSeeds[0])];
    int edits = 1 + static_cast<int>(rng() % 6);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      size_t at = rng() % text.size();
      switch (rng() % 4) {
        case 0:
          text.erase(at, 1 + rng() % 4);
          break;
        case 1:
          text.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
        case 2:
          text[at] = alphabet[rng() % alphabet.size()];
          break;
        default:
          text.insert(at, text.substr(rng() % text.size(), rng() % 20));
          break;
      }
    }
    ParseResult r = parseTemplate(text);
    if (!r.ok()) {
      EXPECT_LE(r.error->begin, text.size()) << text;
      EXPECT_LE(r.error->end, text.size() + 1) << text;
      continue;
    }
    ++parsed;
    EvalResult out = evaluate(r.tmpl, env, options);
    if (!out.ok()) {
      EXPECT_LE(out.error->begin, text.size()) << text;
    }
  }
  EXPECT_GT(parsed, 1000);  // the mutations must not all be syntax errors
}

TEST(LiquidRobustnessTest, HugeFlatTemplatesAreFine) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "{% if a %}x{% endif %}{{ b | upcase }}";
  ParseResult r = parseTemplate(text);
  ASSERT_TRUE(r.ok());
  EchoEnvironment env;
  EXPECT_TRUE(evaluate(r.tmpl, env).ok());
}

}  // namespace
}  // namespace lkml::liquid
