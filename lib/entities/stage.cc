// The entities stage. Not implemented yet: it adds no records.
#include "core/stage.h"

namespace communique::internal {
namespace {

class EntityStage final : public Stage {
 public:
  void Run(std::string_view, Analysis*) const override {}
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateEntityStage(const Options&) {
  return std::unique_ptr<Stage>(new EntityStage());
}

}  // namespace communique::internal
