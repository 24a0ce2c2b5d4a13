// inputs.h: turning command-line paths into a stream of Items.
#ifndef COMMUNIQUE_EXAMPLES_EXTRACT_INPUTS_H_
#define COMMUNIQUE_EXAMPLES_EXTRACT_INPUTS_H_

#include <functional>
#include <string>
#include <vector>

#include "extract.h"

namespace extract {

/// The format a file name implies: .jsonl, .jsonl.gz, .ndjson(.gz) are JSONL;
/// anything else is text.
Format FormatOfPath(const std::string& path);

/// Expands `args` into inputs, in order: files as given, directories
/// recursively in byte order of their paths (.txt as text, .jsonl/.jsonl.gz as
/// JSONL, other files and hidden entries ignored), "-" as stdin.
/// A path that does not exist is a usage error (returned); an unreadable
/// directory below a named one becomes an Input carrying the error.
communique::Status ExpandInputs(const std::vector<std::string>& args,
                                Format stdin_format, std::vector<Input>* out);

/// Receives each Item in input order; returns false to stop reading.
/// May block (the pipeline bounds the Items in flight).
using EmitFn = std::function<bool(Item&&)>;

/// Reads every input and emits one Item per document, per blank-free JSONL
/// line, or per unreadable position. Never throws for bad data.
void ReadInputs(const std::vector<Input>& inputs, const RunOptions& options,
                Counters* counters, const EmitFn& emit);

}  // namespace extract

#endif  // COMMUNIQUE_EXAMPLES_EXTRACT_INPUTS_H_
