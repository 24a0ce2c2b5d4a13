// pipeline.cc: the ordered, bounded, multi-threaded run.
//
// Items get consecutive sequence numbers from the reader. A worker puts its
// finished Item into ring slot seq % capacity; the writer takes slot
// next_write % capacity when it is filled. The reader may only emit while
// fewer than `capacity` Items are unwritten, so slots never collide and at
// most `capacity` documents are in memory, whatever the corpus size.
#include "pipeline.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "inputs.h"
#include "worker.h"

namespace extract {
namespace {

// Error lines printed on stderr before the rest go to the output only.
constexpr uint64_t kMaxErrorMessages = 20;

class Pipeline {
 public:
  Pipeline(const RunOptions& options, Counters* counters)
      : options_(options), counters_(counters),
        capacity_(options.max_in_flight < 1 ? 1 : options.max_in_flight),
        slots_(capacity_) {}

  // Reader side: blocks while the pipeline is full; false once stopped.
  bool Emit(Item&& item) {
    auto unique = std::make_unique<Item>(std::move(item));
    unique->charged = unique->payload.size();
    std::unique_lock<std::mutex> lock(mu_);
    can_emit_.wait(lock, [this] {
      return stop_ || (in_flight_ < capacity_ &&
                       (in_flight_bytes_ < options_.max_in_flight_bytes || in_flight_ == 0));
    });
    if (stop_) return false;
    unique->seq = next_seq_++;
    ++in_flight_;
    in_flight_bytes_ += unique->charged;
    work_.push_back(std::move(unique));
    has_work_.notify_one();
    return true;
  }

  void ReadingDone() {
    std::lock_guard<std::mutex> lock(mu_);
    reading_done_ = true;
    has_work_.notify_all();
    has_result_.notify_all();
  }

  void Stop() {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    can_emit_.notify_all();
    has_work_.notify_all();
  }

  void WorkLoop(Worker* worker) {
    for (;;) {
      std::unique_ptr<Item> item;
      {
        std::unique_lock<std::mutex> lock(mu_);
        has_work_.wait(lock, [this] { return stop_ || !work_.empty() || reading_done_; });
        if (stop_ || work_.empty()) return;
        item = std::move(work_.front());
        work_.pop_front();
      }
      worker->Process(item.get());
      std::lock_guard<std::mutex> lock(mu_);
      uint64_t seq = item->seq;
      slots_[seq % capacity_] = std::move(item);
      if (seq == next_write_) has_result_.notify_one();
    }
  }

  // Writer side (the calling thread): writes Items in sequence order.
  RunEnd WriteLoop(std::FILE* out, Progress* progress) {
    bool pretty = options_.json.pretty;
    bool any_failed = false;
    bool wrote_any = false;
    if (pretty && std::fputs("[\n", out) == EOF) return OutputError(progress);
    for (;;) {
      std::unique_ptr<Item> item;
      {
        std::unique_lock<std::mutex> lock(mu_);
        has_result_.wait(lock, [this] {
          return slots_[next_write_ % capacity_] != nullptr ||
                 (reading_done_ && next_write_ == next_seq_);
        });
        item = std::move(slots_[next_write_ % capacity_]);
        if (item == nullptr) break;  // all read and written
      }
      if (pretty) {
        if (item->seq > 0 && std::fputs(",\n", out) == EOF) return OutputError(progress);
      } else {
        item->output.push_back('\n');
      }
      if (std::fwrite(item->output.data(), 1, item->output.size(), out) != item->output.size()) {
        return OutputError(progress);
      }
      wrote_any = true;
      ++counters_->documents;
      counters_->text_bytes += item->text_bytes;
      if (item->utf8_repaired) ++counters_->utf8_repaired;
      if (item->failed) {
        any_failed = true;
        uint64_t errors = ++counters_->errors;
        if (errors <= kMaxErrorMessages) {
          progress->Message("communique-extract: " + item->source + ": " +
                            item->status.ToString());
        } else if (errors == kMaxErrorMessages + 1) {
          progress->Message("communique-extract: further errors are reported in the output only");
        }
        if (options_.fail_fast) {
          progress->Message("communique-extract: stopping at the first error (--fail-fast)");
          Stop();
          break;
        }
      }
      std::lock_guard<std::mutex> lock(mu_);
      ++next_write_;
      --in_flight_;
      in_flight_bytes_ -= item->charged;
      can_emit_.notify_one();
    }
    if (pretty && std::fputs(wrote_any ? "\n]\n" : "]\n", out) == EOF) {
      return OutputError(progress);
    }
    if (std::fflush(out) != 0 || std::ferror(out)) return OutputError(progress);
    return any_failed ? RunEnd::kSomeFailed : RunEnd::kAllOk;
  }

 private:
  RunEnd OutputError(Progress* progress) {
    progress->Message("communique-extract: cannot write the output; stopping");
    Stop();
    return RunEnd::kOutputError;
  }

  const RunOptions& options_;
  Counters* counters_;
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable can_emit_, has_work_, has_result_;
  std::deque<std::unique_ptr<Item>> work_;
  std::vector<std::unique_ptr<Item>> slots_;
  uint64_t next_seq_ = 0;
  uint64_t next_write_ = 0;
  size_t in_flight_ = 0;
  uint64_t in_flight_bytes_ = 0;
  bool reading_done_ = false;
  bool stop_ = false;
};

}  // namespace

RunEnd RunPipeline(const std::vector<Input>& inputs, const RunOptions& options,
                   const std::shared_ptr<const communique::Analyzer>& analyzer,
                   std::FILE* out, Counters* counters, Progress* progress) {
  Pipeline pipeline(options, counters);
  std::vector<std::unique_ptr<Worker>> workers;
  std::vector<std::thread> threads;
  unsigned n = options.threads < 1 ? 1 : options.threads;
  for (unsigned i = 0; i < n; ++i) workers.push_back(std::make_unique<Worker>(analyzer, options));
  for (unsigned i = 0; i < n; ++i) {
    threads.emplace_back([&pipeline, w = workers[i].get()] { pipeline.WorkLoop(w); });
  }
  std::thread reader([&] {
    ReadInputs(inputs, options, counters, [&](Item&& item) { return pipeline.Emit(std::move(item)); });
    pipeline.ReadingDone();
  });
  RunEnd end = pipeline.WriteLoop(out, progress);
  pipeline.Stop();  // releases the reader and the workers if the writer stopped early
  reader.join();
  for (std::thread& t : threads) t.join();
  return end;
}

}  // namespace extract
