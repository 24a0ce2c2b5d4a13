// Buffers a stage keeps from one document to the next, so that a document
// allocates little and finds its memory warm. A Session owns one slot per
// stage (one thread at a time) and frees the buffers with itself; a stage
// makes its own on first use with ScratchOf.
#ifndef COMMUNIQUE_LIB_CORE_SCRATCH_H_
#define COMMUNIQUE_LIB_CORE_SCRATCH_H_

#include <memory>

namespace communique::internal {

class StageScratch {
 public:
  virtual ~StageScratch() = default;
};

using ScratchSlot = std::unique_ptr<StageScratch>;

/// The T in *slot, made there on first use. A slot holds one type for its
/// whole life (each stage has its own slot).
template <typename T>
T& ScratchOf(ScratchSlot* slot) {
  if (!*slot) *slot = std::make_unique<T>();
  return static_cast<T&>(**slot);
}

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_CORE_SCRATCH_H_
