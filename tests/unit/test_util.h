// Helpers shared by the unit tests.
#ifndef COMMUNIQUE_TESTS_UNIT_TEST_UTIL_H_
#define COMMUNIQUE_TESTS_UNIT_TEST_UTIL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "communique/communique.h"

namespace communique::testing {

/// One Analyzer per option set, built once per test binary.
inline std::shared_ptr<const Analyzer> DefaultAnalyzer() {
  static std::shared_ptr<const Analyzer> a = Analyzer::Create({}).value();
  return a;
}

inline Analysis AnalyzeOk(std::string_view text, const DocumentInfo& info = {}) {
  auto r = DefaultAnalyzer()->Analyze(text, info);
  if (!r.ok()) return Analysis{};
  return std::move(r).value();
}

/// Surface texts of the tokens.
inline std::vector<std::string> TokenTexts(std::string_view text, const Analysis& a) {
  std::vector<std::string> out;
  for (const Token& t : a.tokens) out.emplace_back(Slice(text, t.span));
  return out;
}

inline std::vector<std::string> SentenceTexts(std::string_view text, const Analysis& a) {
  std::vector<std::string> out;
  for (const Sentence& s : a.sentences) out.emplace_back(Slice(text, s.span));
  return out;
}

/// The first quote whose text starts with `starts_with`, or null.
inline const Quote* FindQuote(std::string_view text, const Analysis& a, std::string_view starts_with) {
  for (const Quote& q : a.quotes)
    if (Slice(text, q.span).substr(0, starts_with.size()) == starts_with) return &q;
  return nullptr;
}

/// The name of the entity a quote's speaker index points to, or "" for none.
inline std::string SpeakerName(const Analysis& a, int32_t speaker) {
  if (speaker < 0 || static_cast<size_t>(speaker) >= a.entities.size()) return "";
  return a.entities[static_cast<size_t>(speaker)].name;
}
inline std::string SpeakerName(const Analysis& a, const Quote& q) { return SpeakerName(a, q.speaker); }

/// The entity that has a mention with exactly this text at its first
/// occurrence at or after `from`, or null.
inline const Entity* MentionAt(std::string_view text, const Analysis& a, std::string_view mention,
                               size_t from = 0) {
  size_t at = text.find(mention, from);
  for (const Entity& e : a.entities)
    for (const auto& m : e.mentions)
      if (m.span.begin == at && m.span.size() == mention.size()) return &e;
  return nullptr;
}

/// Whether some mention of an entity of `type` has a text for which
/// `match(mention_text)` holds.
template <typename Match>
bool AnyMentionOf(std::string_view text, const Analysis& a, EntityType type, Match match) {
  for (const Entity& e : a.entities) {
    if (e.type != type) continue;
    for (const auto& m : e.mentions)
      if (match(text.substr(m.span.begin, m.span.size()))) return true;
  }
  return false;
}

std::string ReadFile(const std::string& path);

}  // namespace communique::testing

#endif  // COMMUNIQUE_TESTS_UNIT_TEST_UTIL_H_
