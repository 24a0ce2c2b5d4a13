// The times stage. Not implemented yet: it adds no records.
#include "core/stage.h"

namespace communique::internal {
namespace {

class TimeStage final : public Stage {
 public:
  void Run(std::string_view, Analysis*) const override {}
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateTimeStage(const Options&) {
  return std::unique_ptr<Stage>(new TimeStage());
}

}  // namespace communique::internal
