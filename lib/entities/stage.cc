// The entities stage: countries, persons, organizations and locations, each
// linked to a code. Tables load once (lexicon.cc); per document one pass finds
// phrase hits (hits.cc) and the resolver turns them into entities.
#include "core/stage.h"
#include "entities/lexicon.h"
#include "entities/resolver.h"

namespace communique::internal {
namespace {

class EntityStage final : public Stage {
 public:
  explicit EntityStage(std::unique_ptr<Lexicon> lex) : lex_(std::move(lex)) {}
  void Run(std::string_view text, Analysis* a) const override {
    Resolver resolver(*lex_, text, *a);
    a->entities = resolver.Run();
  }

 private:
  std::unique_ptr<Lexicon> lex_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateEntityStage(const Options&) {
  auto lex = std::make_unique<Lexicon>();
  if (Status s = lex->Load(); !s.ok()) return s;
  return std::unique_ptr<Stage>(new EntityStage(std::move(lex)));
}

}  // namespace communique::internal
