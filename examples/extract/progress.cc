// progress.cc: progress and summary lines.
#include "progress.h"

#include <cstdio>

namespace extract {
namespace {

std::string Printf(const char* fmt, double a, double b = 0, double c = 0) {
  char buf[128];
  std::snprintf(buf, sizeof buf, fmt, a, b, c);
  return buf;
}

std::string Duration(double seconds) {
  auto s = static_cast<long long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

}  // namespace

Progress::Progress(const Counters* counters, bool enabled, bool tty)
    : counters_(counters), enabled_(enabled), tty_(tty),
      start_(std::chrono::steady_clock::now()) {
  if (enabled_) thread_ = std::thread([this] { Loop(); });
}

Progress::~Progress() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

double Progress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string Progress::Line() const {
  double seconds = Seconds();
  double mb = static_cast<double>(counters_->text_bytes.load()) / 1e6;
  std::string line = "communique-extract: " + std::to_string(counters_->documents.load()) +
                     " docs, " + Printf("%.1f MB, %.1f MB/s, ", mb, seconds > 0 ? mb / seconds : 0) +
                     std::to_string(counters_->errors.load()) + " errors";
  uint64_t total = counters_->input_total;
  uint64_t read = counters_->input_read.load();
  if (total > 0 && read > 0 && seconds > 0.5) {
    double fraction = static_cast<double>(read) / static_cast<double>(total);
    if (fraction > 1) fraction = 1;
    line += Printf(", %.0f%%", 100 * fraction);
    line += ", ETA " + Duration(seconds * (1 - fraction) / fraction);
  }
  return line;
}

void Progress::Loop() {
  auto period = std::chrono::milliseconds(tty_ ? 250 : 1000);
  std::unique_lock<std::mutex> lock(mu_);
  while (!cv_.wait_for(lock, period, [this] { return stop_; })) {
    std::string line = Line();
    if (tty_) {
      std::fprintf(stderr, "\r\033[K%s", line.c_str());
      drawn_ = true;
    } else {
      std::fprintf(stderr, "%s\n", line.c_str());
    }
    std::fflush(stderr);
  }
}

void Progress::Message(const std::string& line) {
  std::lock_guard<std::mutex> lock(mu_);
  if (drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
  std::fprintf(stderr, "%s\n", line.c_str());
}

void Progress::Finish(unsigned threads) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  double seconds = Seconds();
  uint64_t bytes = counters_->text_bytes.load();
  double mb = static_cast<double>(bytes) / 1e6;
  double docs = static_cast<double>(counters_->documents.load());
  if (drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
  std::fprintf(stderr,
               "communique-extract: documents=%llu errors=%llu skipped_blank=%llu "
               "utf8_repaired=%llu bytes=%llu seconds=%.3f MB/s=%.2f docs/s=%.1f threads=%u\n",
               static_cast<unsigned long long>(counters_->documents.load()),
               static_cast<unsigned long long>(counters_->errors.load()),
               static_cast<unsigned long long>(counters_->skipped_blank.load()),
               static_cast<unsigned long long>(counters_->utf8_repaired.load()),
               static_cast<unsigned long long>(bytes), seconds,
               seconds > 0 ? mb / seconds : 0.0, seconds > 0 ? docs / seconds : 0.0, threads);
  std::fflush(stderr);
}

}  // namespace extract
