// progress.h: the progress line and the final summary line on stderr.
#ifndef COMMUNIQUE_EXAMPLES_EXTRACT_PROGRESS_H_
#define COMMUNIQUE_EXAMPLES_EXTRACT_PROGRESS_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "extract.h"

namespace extract {

/// Owns stderr while the run lasts: a background thread redraws the progress
/// line (4 times a second with \r on a terminal, once a second as plain lines
/// otherwise) and Message() prints other lines without garbling it.
class Progress {
 public:
  Progress(const Counters* counters, bool enabled, bool tty);
  ~Progress();  // stops the thread
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Prints one line on stderr (clearing the progress line first).
  void Message(const std::string& line);
  /// Stops the progress line and prints the summary line.
  void Finish(unsigned threads);
  double Seconds() const;

 private:
  void Loop();
  std::string Line() const;

  const Counters* counters_;
  bool enabled_;
  bool tty_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool drawn_ = false;  // a \r line is on screen
  std::thread thread_;
};

}  // namespace extract

#endif  // COMMUNIQUE_EXAMPLES_EXTRACT_PROGRESS_H_
