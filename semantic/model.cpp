#include "semantic/model.h"

#include <functional>
#include <string_view>

namespace lkml::semantic {

const char* fieldKindName(FieldKind kind) {
  switch (kind) {
    case FieldKind::Dimension:
      return "dimension";
    case FieldKind::Measure:
      return "measure";
    case FieldKind::Filter:
      return "filter";
    case FieldKind::Parameter:
      return "parameter";
  }
  return "dimension";
}

const FieldDetails& Field::details() const {
  static const FieldDetails kNone;
  return details_ ? *details_ : kNone;
}

FieldDetails& Field::mutableDetails() {
  if (!details_) {
    details_ = std::make_shared<FieldDetails>();
  } else if (details_.use_count() > 1) {
    details_ = std::make_shared<FieldDetails>(*details_);
  }
  return *details_;
}

const Field* View::findField(const std::string& field_name) const {
  if (field_index.empty()) return nullptr;
  const size_t mask = field_index.size() - 1;
  for (size_t slot = std::hash<std::string_view>()(field_name) & mask;; slot = (slot + 1) & mask) {
    uint32_t i = field_index[slot];
    if (i == 0) return nullptr;
    if (fields[i - 1].name == field_name) return &fields[i - 1];
  }
}

void View::indexFields() {
  field_index.clear();
  if (fields.empty()) return;
  size_t slots = 4;
  while (slots < 2 * fields.size()) slots *= 2;
  field_index.assign(slots, 0);
  const size_t mask = slots - 1;
  for (size_t i = 0; i < fields.size(); ++i) {
    size_t slot = std::hash<std::string_view>()(fields[i].name) & mask;
    for (; field_index[slot] != 0; slot = (slot + 1) & mask) {
      if (fields[field_index[slot] - 1].name == fields[i].name) break;  // a duplicate
    }
    if (field_index[slot] == 0) field_index[slot] = static_cast<uint32_t>(i + 1);
  }
}

const FieldSet* View::findSet(const std::string& set_name) const {
  for (const auto& set : sets) {
    if (set.name == set_name) return &set;
  }
  return nullptr;
}

const Field* View::primaryKey() const {
  const Field* found = nullptr;
  for (const auto& field : fields) {
    if (field.primary_key && field.isDimension()) {
      if (found) return nullptr;
      found = &field;
    }
  }
  return found;
}

bool View::hasGroup(const std::string& group_name) const {
  for (const auto& field : fields) {
    if (field.group == group_name) return true;
  }
  return false;
}

const char* relationshipName(Relationship r) {
  switch (r) {
    case Relationship::ManyToOne:
      return "many_to_one";
    case Relationship::OneToMany:
      return "one_to_many";
    case Relationship::OneToOne:
      return "one_to_one";
    case Relationship::ManyToMany:
      return "many_to_many";
  }
  return "many_to_one";
}

std::optional<Relationship> parseRelationship(const std::string& text) {
  if (text == "many_to_one") return Relationship::ManyToOne;
  if (text == "one_to_many") return Relationship::OneToMany;
  if (text == "one_to_one") return Relationship::OneToOne;
  if (text == "many_to_many") return Relationship::ManyToMany;
  return std::nullopt;
}

const char* joinTypeName(JoinType t) {
  switch (t) {
    case JoinType::LeftOuter:
      return "left_outer";
    case JoinType::Inner:
      return "inner";
    case JoinType::FullOuter:
      return "full_outer";
    case JoinType::Cross:
      return "cross";
  }
  return "left_outer";
}

std::optional<JoinType> parseJoinType(const std::string& text) {
  if (text == "left_outer") return JoinType::LeftOuter;
  if (text == "inner") return JoinType::Inner;
  if (text == "full_outer") return JoinType::FullOuter;
  if (text == "cross") return JoinType::Cross;
  return std::nullopt;
}

const Join* Explore::findJoin(const std::string& alias_name) const {
  for (const auto& join : joins) {
    if (join.name == alias_name) return &join;
  }
  return nullptr;
}

const View* Model::findView(const std::string& view_name) const {
  auto it = views.shared().find(view_name);
  return it == views.shared().end() ? nullptr : it->second.get();
}

const Explore* Model::findExplore(const std::string& explore_name) const {
  for (const auto& explore : explores) {
    if (explore.name == explore_name) return &explore;
  }
  return nullptr;
}

const Model* Project::findModel(const std::string& model_name) const {
  for (const auto& model : models) {
    if (model.name == model_name) return &model;
  }
  return nullptr;
}

}  // namespace lkml::semantic
