// pipeline.h: reader -> N workers -> in-order writer, with bounded memory.
#ifndef COMMUNIQUE_EXAMPLES_EXTRACT_PIPELINE_H_
#define COMMUNIQUE_EXAMPLES_EXTRACT_PIPELINE_H_

#include <cstdio>
#include <memory>
#include <vector>

#include "extract.h"
#include "progress.h"

namespace extract {

/// How a run ended.
enum class RunEnd {
  kAllOk,        ///< every document analysed
  kSomeFailed,   ///< at least one error record written
  kOutputError,  ///< the output could not be written; the run stopped
};

/// Reads `inputs` on one thread, analyses on options.threads workers (one
/// Session each, sharing `analyzer`) and writes one line (or, with
/// json.pretty, one array element) per Item to `out` in input order.
/// Error records are also reported on stderr through `progress` (the first
/// few). With options.fail_fast the run stops after the first error record.
RunEnd RunPipeline(const std::vector<Input>& inputs, const RunOptions& options,
                   const std::shared_ptr<const communique::Analyzer>& analyzer,
                   std::FILE* out, Counters* counters, Progress* progress);

}  // namespace extract

#endif  // COMMUNIQUE_EXAMPLES_EXTRACT_PIPELINE_H_
