// pipeline.cc: the ordered, bounded, multi-threaded run.
//
// Items get consecutive sequence numbers from the reader. A worker puts its
// finished Item into ring slot seq % capacity; the writer takes slot
// next_write % capacity when it is filled. The reader may only emit while
// fewer than `capacity` Items are unwritten, so slots never collide and at
// most `capacity` documents are in memory, whatever the corpus size.
//
// Hand-offs are batched: a reader that found the pipeline full resumes once
// half of it is written, and the writer wakes for a run of finished Items
// (half the capacity, or all that are in flight), so threads sleep and wake
// once per batch rather than once per document.
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
// Written output buffers kept for the next Items (their capacity saves a
// large allocation, its page faults and the copies of growing per document),
// at most this many bytes of capacity in all.
constexpr size_t kMaxSpareOutputBytes = 8u << 20;

class Pipeline {
 public:
  Pipeline(const RunOptions& options, Counters* counters)
      : options_(options), counters_(counters),
        capacity_(options.max_in_flight < 1 ? 1 : options.max_in_flight),
        resume_at_(capacity_ / 2),
        write_batch_(capacity_ / 2 < 1 ? 1 : capacity_ / 2),
        slots_(capacity_) {}

  // Reader side: blocks while the pipeline is full; false once stopped.
  // A full pipeline takes the reader back only once half of it is written,
  // so the reader wakes once per half capacity, not once per document.
  bool Emit(Item&& item) {
    auto unique = std::make_unique<Item>(std::move(item));
    unique->charged = unique->payload.size();
    std::unique_lock<std::mutex> lock(mu_);
    if (!stop_ && !HasRoom(capacity_ - 1)) {
      reader_waiting_ = true;
      can_emit_.wait(lock, [this] { return stop_ || HasRoom(resume_at_); });
      reader_waiting_ = false;
    }
    if (stop_) return false;
    unique->seq = next_seq_++;
    ++in_flight_;
    in_flight_bytes_ += unique->charged;
    work_.push_back(std::move(unique));
    if (idle_workers_ > 0) has_work_.notify_one();
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
    std::unique_ptr<Item> item;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        if (item != nullptr) {  // the one finished in the previous round
          uint64_t seq = item->seq;
          slots_[seq % capacity_] = std::move(item);
          ++finished_;
          if (writer_waiting_ && WriterMayGo()) has_result_.notify_one();
        }
        if (work_.empty() && !stop_ && !reading_done_) {
          ++idle_workers_;
          has_work_.wait(lock, [this] { return stop_ || !work_.empty() || reading_done_; });
          --idle_workers_;
        }
        if (stop_ || work_.empty()) return;
        item = std::move(work_.front());
        work_.pop_front();
        if (!spare_outputs_.empty()) {
          spare_output_bytes_ -= spare_outputs_.back().capacity();
          item->output = std::move(spare_outputs_.back());
          spare_outputs_.pop_back();
        }
      }
      worker->Process(item.get());
    }
  }

  // Writer side (the calling thread): writes Items in sequence order, a run
  // of finished ones per wake-up.
  RunEnd WriteLoop(std::FILE* out, Progress* progress) {
    bool pretty = options_.json.pretty;
    bool any_failed = false;
    bool wrote_any = false;
    std::vector<std::unique_ptr<Item>> batch;
    batch.reserve(capacity_);
    if (pretty && std::fputs("[\n", out) == EOF) return OutputError(progress);
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        if (!WriterMayGo()) {
          writer_waiting_ = true;
          has_result_.wait(lock, [this] { return WriterMayGo(); });
          writer_waiting_ = false;
        }
        for (uint64_t seq = next_write_; slots_[seq % capacity_] != nullptr; ++seq) {
          batch.push_back(std::move(slots_[seq % capacity_]));
          if (batch.size() == capacity_) break;
        }
        if (batch.empty()) break;  // all read and written
      }
      uint64_t charged = 0;
      bool stop = false;
      for (std::unique_ptr<Item>& item : batch) {
        charged += item->charged;
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
            stop = true;
            break;
          }
        }
      }
      if (stop) {
        Stop();
        break;
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        next_write_ += batch.size();
        in_flight_ -= batch.size();
        finished_ -= batch.size();
        in_flight_bytes_ -= charged;
        if (reader_waiting_ && HasRoom(resume_at_)) can_emit_.notify_one();
        for (std::unique_ptr<Item>& item : batch) {
          const size_t bytes = item->output.capacity();
          if (spare_output_bytes_ + bytes > kMaxSpareOutputBytes) continue;
          item->output.clear();
          spare_output_bytes_ += bytes;
          spare_outputs_.push_back(std::move(item->output));
        }
      }
      batch.clear();  // frees the Items, outside the lock
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

  // REQUIRES mu_. The reader may emit while at most `in_flight` Items are
  // unwritten (and the soft byte bound allows).
  bool HasRoom(size_t in_flight) const {
    return in_flight_ <= in_flight &&
           (in_flight_bytes_ < options_.max_in_flight_bytes || in_flight_ == 0);
  }

  // REQUIRES mu_. The writer wakes for a run of finished Items: the next one
  // is finished and so are write_batch_ others, or every Item in flight (the
  // reader waits for input), or the input is all read.
  bool WriterMayGo() const {
    if (slots_[next_write_ % capacity_] == nullptr) {
      return reading_done_ && next_write_ == next_seq_;  // nothing more will come
    }
    return finished_ >= write_batch_ || finished_ == in_flight_ || reading_done_;
  }

  const RunOptions& options_;
  Counters* counters_;
  const size_t capacity_;
  const size_t resume_at_;    // a waiting reader resumes at this many Items in flight
  const size_t write_batch_;  // finished Items that wake the writer
  std::mutex mu_;
  std::condition_variable can_emit_, has_work_, has_result_;
  std::deque<std::unique_ptr<Item>> work_;
  std::vector<std::unique_ptr<Item>> slots_;
  std::vector<std::string> spare_outputs_;  // cleared, for the workers to reuse
  size_t spare_output_bytes_ = 0;           // their capacity in all
  uint64_t next_seq_ = 0;
  uint64_t next_write_ = 0;
  size_t in_flight_ = 0;
  size_t finished_ = 0;  // Items in slots_, not yet taken by the writer
  size_t idle_workers_ = 0;
  uint64_t in_flight_bytes_ = 0;
  bool reading_done_ = false;
  bool stop_ = false;
  bool reader_waiting_ = false;
  bool writer_waiting_ = false;
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
