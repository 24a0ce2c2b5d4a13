// gzip_reader.cc: file bytes, gzip members inflated by ISA-L or zlib.
#include "gzip_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#if COMMUNIQUE_EXTRACT_ISAL
#include <isa-l/igzip_lib.h>
#else
#include <zlib.h>
#endif

namespace extract {
namespace {

constexpr size_t kInSize = 1 << 18;
constexpr size_t kMaxStep = 1u << 30;  // both libraries count in 32 bits

}  // namespace

// One gzip member at a time: header, deflate data, trailer (CRC-32 and
// length checked).
struct GzipReader::Inflater {
  struct Step {
    size_t consumed = 0, produced = 0;
    bool finished = false;  // the member's trailer was read and matched
    const char* error = nullptr;
  };

#if COMMUNIQUE_EXTRACT_ISAL
  Inflater() { Reset(); }
  void Reset() {
    isal_inflate_init(&state);
    state.crc_flag = ISAL_GZIP;
  }
  Step Run(unsigned char* in, size_t in_len, char* out, size_t out_len) {
    state.next_in = in;
    state.avail_in = static_cast<uint32_t>(std::min(in_len, kMaxStep));
    state.next_out = reinterpret_cast<uint8_t*>(out);
    state.avail_out = static_cast<uint32_t>(std::min(out_len, kMaxStep));
    uint32_t avail_in = state.avail_in, avail_out = state.avail_out;
    int ret = isal_inflate(&state);
    Step step;
    step.consumed = avail_in - state.avail_in;
    step.produced = avail_out - state.avail_out;
    step.finished = state.block_state == ISAL_BLOCK_FINISH;
    switch (ret) {
      case ISAL_DECOMP_OK: case ISAL_END_INPUT: case ISAL_OUT_OVERFLOW: break;
      // zlib's messages for the same faults.
      case ISAL_INVALID_BLOCK: step.error = "invalid block type"; break;
      case ISAL_INVALID_SYMBOL: step.error = "invalid code"; break;
      case ISAL_INVALID_LOOKBACK: step.error = "invalid distance too far back"; break;
      case ISAL_INVALID_WRAPPER: step.error = "incorrect header check"; break;
      case ISAL_UNSUPPORTED_METHOD: step.error = "unknown compression method"; break;
      case ISAL_INCORRECT_CHECKSUM: step.error = "incorrect data check"; break;
      default: step.error = "invalid compressed data"; break;
    }
    return step;
  }
  inflate_state state;
#else
  Inflater() { inflateInit2(&z, 15 + 16); }  // 16: gzip wrapper only
  ~Inflater() { inflateEnd(&z); }
  void Reset() { inflateReset(&z); }
  Step Run(unsigned char* in, size_t in_len, char* out, size_t out_len) {
    z.next_in = in;
    z.avail_in = static_cast<uInt>(std::min(in_len, kMaxStep));
    z.next_out = reinterpret_cast<Bytef*>(out);
    z.avail_out = static_cast<uInt>(std::min(out_len, kMaxStep));
    uInt avail_in = z.avail_in, avail_out = z.avail_out;
    int ret = inflate(&z, Z_NO_FLUSH);
    Step step;
    step.consumed = avail_in - z.avail_in;
    step.produced = avail_out - z.avail_out;
    step.finished = ret == Z_STREAM_END;
    if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR) {
      step.error = z.msg != nullptr ? z.msg : "invalid compressed data";
    }
    return step;
  }
  z_stream z{};
#endif
};

GzipReader::GzipReader() : in_(new unsigned char[kInSize]), inflater_(std::make_unique<Inflater>()) {}

GzipReader::~GzipReader() { Close(); }

bool GzipReader::Open(const std::string& path) {
  Close();
  if (path == "-") {
    fd_ = STDIN_FILENO;
    owns_fd_ = false;
  } else {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return false;
    owns_fd_ = true;
  }
  started_ = gzip_ = in_member_ = eof_ = done_ = false;
  end_ = End::kClean;
  message_.clear();
  raw_offset_ = 0;
  in_pos_ = in_len_ = 0;
  return true;
}

void GzipReader::Close() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
  fd_ = -1;
  owns_fd_ = false;
}

void GzipReader::Fail(End end, std::string message) {
  end_ = end;
  message_ = std::move(message);
  done_ = true;
}

bool GzipReader::Fill() {
  if (eof_ || done_) return false;
  if (in_pos_ > 0) {  // keep the unread bytes (a split header) in front
    std::memmove(in_.get(), in_.get() + in_pos_, in_len_ - in_pos_);
    in_len_ -= in_pos_;
    in_pos_ = 0;
  }
  if (in_len_ == kInSize) {  // a full buffer the inflater does not take
    Fail(End::kCorrupt, "invalid compressed data");
    return false;
  }
  for (;;) {
    ssize_t n = ::read(fd_, in_.get() + in_len_, kInSize - in_len_);
    if (n > 0) {
      in_len_ += static_cast<size_t>(n);
      raw_offset_ += static_cast<uint64_t>(n);
      return true;
    }
    if (n == 0) {
      eof_ = true;
      return false;
    }
    if (errno != EINTR) {
      Fail(End::kReadError, std::strerror(errno));
      return false;
    }
  }
}

size_t GzipReader::Read(char* out, size_t size) {
  if (done_ || fd_ < 0 || size == 0) return 0;
  for (;;) {
    if (!in_member_) {
      // At the start or after a member: gzip magic bytes or not?
      while (in_len_ - in_pos_ < 2 && Fill()) {}
      if (done_) return 0;
      size_t avail = in_len_ - in_pos_;
      bool magic = avail >= 2 && in_[in_pos_] == 0x1f && in_[in_pos_ + 1] == 0x8b;
      if (!started_) {
        started_ = true;
        gzip_ = magic;
      }
      if (!gzip_) break;
      if (!magic) {  // the end, or trailing bytes after the last member
        done_ = true;
        return 0;
      }
      inflater_->Reset();
      in_member_ = true;
    }
    Inflater::Step step = inflater_->Run(in_.get() + in_pos_, in_len_ - in_pos_, out, size);
    in_pos_ += step.consumed;
    if (step.error != nullptr) {
      Fail(End::kCorrupt, step.error);
      return step.produced;
    }
    if (step.finished) in_member_ = false;
    if (step.produced > 0) return step.produced;
    if (step.finished || step.consumed > 0) continue;
    if (!Fill()) {
      if (!done_) Fail(End::kTruncated, "unexpected end of file");
      return 0;
    }
  }
  // Not gzip: the buffered bytes first, then straight from the file.
  if (in_pos_ < in_len_) {
    size_t n = std::min(size, in_len_ - in_pos_);
    std::memcpy(out, in_.get() + in_pos_, n);
    in_pos_ += n;
    return n;
  }
  for (;;) {
    ssize_t n = ::read(fd_, out, size);
    if (n > 0) {
      raw_offset_ += static_cast<uint64_t>(n);
      return static_cast<size_t>(n);
    }
    if (n == 0) {
      done_ = true;
      return 0;
    }
    if (errno != EINTR) {
      Fail(End::kReadError, std::strerror(errno));
      return 0;
    }
  }
}

}  // namespace extract
