// gzip_reader.h: the bytes of a file or stdin, gzip members inflated.
#ifndef COMMUNIQUE_EXAMPLES_EXTRACT_GZIP_READER_H_
#define COMMUNIQUE_EXAMPLES_EXTRACT_GZIP_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace extract {

/// Reads a file as zlib's gzread does: data that starts with the gzip magic
/// bytes is inflated, member after member (bytes after a member that do not
/// start another one are ignored), anything else passes through unchanged.
/// Inflates with ISA-L when the build found it (about three times faster
/// than zlib here), else with zlib. Not thread-safe.
class GzipReader {
 public:
  GzipReader();
  ~GzipReader();
  GzipReader(const GzipReader&) = delete;
  GzipReader& operator=(const GzipReader&) = delete;

  /// Opens `path` ("-" is stdin, which stays open on Close). False with errno
  /// set if it cannot be opened.
  bool Open(const std::string& path);
  /// Up to `size` bytes of the data into `out`; 0 at the end or on an error.
  size_t Read(char* out, size_t size);
  /// After Read returned 0: how the data ended.
  enum class End : uint8_t { kClean, kTruncated, kCorrupt, kReadError };
  End end() const { return end_; }
  /// What went wrong, in zlib's words ("unexpected end of file", "invalid
  /// block type", ...; strerror for kReadError).
  const std::string& message() const { return message_; }
  /// Bytes of the file consumed so far (compressed size for gzip).
  uint64_t raw_offset() const { return raw_offset_; }
  void Close();

 private:
  struct Inflater;
  // Refills in_ when it is empty; false at the end of the file or on error.
  bool Fill();
  void Fail(End end, std::string message);

  int fd_ = -1;
  bool owns_fd_ = false;
  bool started_ = false;  // the first bytes were looked at
  bool gzip_ = false;
  bool in_member_ = false;
  bool eof_ = false;
  bool done_ = false;
  End end_ = End::kClean;
  std::string message_;
  uint64_t raw_offset_ = 0;
  std::unique_ptr<unsigned char[]> in_;
  size_t in_pos_ = 0, in_len_ = 0;
  std::unique_ptr<Inflater> inflater_;
};

}  // namespace extract

#endif  // COMMUNIQUE_EXAMPLES_EXTRACT_GZIP_READER_H_
