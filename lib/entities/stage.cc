// The entities stage: countries, persons, organizations and locations, each
// linked to a code. Tables load once (lexicon.cc); per document one pass finds
// phrase hits (hits.cc) and the resolver turns them into entities. Then the
// NER tagger (tagger.cc) adds uncoded person/organization/location names
// where the rules found nothing overlapping.
#include <algorithm>

#include "core/stage.h"
#include "entities/lexicon.h"
#include "entities/resolver.h"
#include "entities/tagger.h"

namespace communique::internal {
namespace {

constexpr EntityType kNerTypes[] = {EntityType::kPerson, EntityType::kOrganization,
                                    EntityType::kLocation};

// Adds tagger names on tokens no rule-based mention touches.
void AddTaggerEntities(const NerTagger& tagger, std::string_view text, Analysis* a) {
  const std::vector<Token>& toks = a->tokens;
  std::vector<bool> covered(toks.size(), false);
  for (const Entity& e : a->entities) {
    for (const Mention& m : e.mentions) {
      Span s = m.with_title.empty() ? m.span : m.with_title;
      auto it = std::lower_bound(toks.begin(), toks.end(), s.begin,
                                 [](const Token& t, uint32_t b) { return t.span.end <= b; });
      for (; it != toks.end() && it->span.begin < std::max(s.end, m.span.end); ++it)
        covered[static_cast<size_t>(it - toks.begin())] = true;
    }
  }
  std::vector<std::string_view> words;
  std::vector<uint8_t> skip, labels;
  for (const Sentence& sent : a->sentences) {
    words.clear();
    skip.clear();
    bool any = false;
    for (uint32_t i = 0; i < sent.token_count; ++i) {
      const Token& t = toks[sent.first_token + i];
      uint32_t end = t.span.end - std::min<uint32_t>(t.clitic, t.span.size() - 1);
      words.push_back(text.substr(t.span.begin, end - t.span.begin));
      skip.push_back(covered[sent.first_token + i] ? 1 : 0);
      any = any || (!skip.back() && ner::CanStart(words.back()));
    }
    if (!any) continue;
    tagger.Tag(words, skip, &labels);
    for (const NerSpan& ns : NerTagger::Spans(labels)) {
      // An I- label right after a rule-based mention continues that mention.
      if (labels[ns.first_word] % 2 == 0 && ns.first_word > 0 && skip[ns.first_word - 1]) continue;
      bool free = true;
      for (size_t i = ns.first_word; i < ns.end_word; ++i)
        free = free && !covered[sent.first_token + i];
      if (!free) continue;
      const Token& first = toks[sent.first_token + ns.first_word];
      Span span{first.span.begin, static_cast<uint32_t>(
          words[ns.end_word - 1].data() + words[ns.end_word - 1].size() - text.data())};
      Entity e;
      e.id = static_cast<uint32_t>(a->entities.size());
      e.type = kNerTypes[(ns.type - 1) / 2];
      e.name = std::string(text.substr(span.begin, span.size()));
      e.mentions.push_back({span, MentionVia::kName, span});
      a->entities.push_back(std::move(e));
    }
  }
}

class EntityStage final : public Stage {
 public:
  EntityStage(std::unique_ptr<Lexicon> lex, std::unique_ptr<NerTagger> tagger)
      : lex_(std::move(lex)), tagger_(std::move(tagger)) {}
  void Run(std::string_view text, Analysis* a) const override {
    Resolver resolver(*lex_, text, *a);
    a->entities = resolver.Run();
    AddTaggerEntities(*tagger_, text, a);
  }

 private:
  std::unique_ptr<Lexicon> lex_;
  std::unique_ptr<NerTagger> tagger_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateEntityStage(const Options&) {
  auto lex = std::make_unique<Lexicon>();
  if (Status s = lex->Load(); !s.ok()) return s;
  auto tagger = std::make_unique<NerTagger>();
  if (Status s = tagger->Load(*lex); !s.ok()) return s;
  return std::unique_ptr<Stage>(new EntityStage(std::move(lex), std::move(tagger)));
}

}  // namespace communique::internal
