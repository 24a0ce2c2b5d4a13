// The quotes stage. Not implemented yet: it adds no records.
#include "core/stage.h"

namespace communique::internal {
namespace {

class QuoteStage final : public Stage {
 public:
  void Run(std::string_view, Analysis*) const override {}
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateQuoteStage(const Options&) {
  return std::unique_ptr<Stage>(new QuoteStage());
}

}  // namespace communique::internal
