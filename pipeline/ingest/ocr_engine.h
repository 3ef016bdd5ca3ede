// OCR of one page image with Tesseract: a grayscale image -> words with boxes and
// confidences. The PDF side (rendering, layout, typed text) is in ocr_reader.h.
//
//   ocr::EngineOptions eo;                       // language "vie", tessdata from the system
//   ocr::EnginePool::Lease lease = ocr::EnginePool::Shared().Acquire(eo);
//   if (!lease) ... lease.error()                // kOcrFailed: model missing, Tesseract absent
//   ocr::GrayImage image = ...;                  // 8-bit gray, 0 black, 255 white, its dpi
//   Result<ocr::PageWords> r = lease->Recognize(image, /*cancel=*/nullptr);
//   for (const ocr::OcrWord& w : r->words) ...   // text, pixel box, confidence, line
//
// What Recognize does: deskews the image (Leptonica finds the skew of the text lines;
// pages turned by more than 0.1 degree are rotated about their centre, keeping their
// size, and PageWords::skew_degrees says by how much), then Tesseract lays the page out
// (automatic page segmentation, no orientation detection) and reads it with its LSTM
// model. Word boxes are in the deskewed image's pixels; ToPageFrame maps a point back to
// the image as given.
//
// Threads: Tesseract's OpenMP threads are switched off for every thread that calls
// Recognize (one page took 19 s with them on a 2-core machine, 2.2 s without); run
// pages in parallel instead, one Engine per thread. An Engine is not thread-safe: use
// it from one thread at a time (it may move between threads). Engine creation loads the
// model (a few tenths of a second): reuse engines through EnginePool, which keeps the
// initialised engines of the process and bounds how many run at once.
//
// Errors: Create fails with kOcrFailed when the language's model cannot be loaded (the
// message names the Debian package, tesseract-ocr-<lang>); Recognize fails with
// kOcrFailed when Tesseract cannot read the image and kTimeout when `cancel` said stop.
// Tesseract's diagnostics never reach the terminal.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pipeline/common/error.h"

namespace notices::ingest::ocr {

struct EngineOptions {
  std::string language = "vie";  // Tesseract language(s): "vie", "vie+eng"
  std::string tessdata_dir;      // empty: TESSDATA_PREFIX, else Tesseract's built-in path
  bool deskew = true;            // find and undo the skew of the page before OCR
};

// 8-bit grayscale, rows top to bottom, no padding between rows.
struct GrayImage {
  int width = 0, height = 0;
  int dpi = 300;
  std::vector<uint8_t> pixels;  // width * height bytes
};

struct OcrSymbol {
  std::string text;          // one character as Tesseract read it
  int x0 = 0, x1 = 0;        // horizontal extent in pixels of the deskewed image
};

struct OcrWord {
  std::string text;          // UTF-8, as Tesseract read it (not NFC-normalized)
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // box in pixels of the deskewed image
  int baseline = 0;          // y of the baseline: the median bottom of the word's plain
                             // letters and digits, else Tesseract's line baseline
  float cap_height = 0;      // median height above the baseline of the word's unmarked
                             // capitals, digits and b d h k l; 0: none in the word
  std::vector<OcrSymbol> symbols;  // left to right; their texts make up `text`
  float confidence = 0;      // Tesseract's word confidence, 0-100
  int line = 0;              // text line ordinal on the page (Tesseract's reading order)
};

struct PageWords {
  int width = 0, height = 0, dpi = 300;
  double skew_degrees = 0;     // the image was rotated by this angle (about its centre)
  std::vector<OcrWord> words;  // in Tesseract's reading order, left to right in a line
};

// A point (x, y) of the deskewed image -> the same point in the image as given.
void ToPageFrame(const PageWords& page, double& x, double& y);
// The inverse: a point of the image as given -> the deskewed image.
void ToDeskewedFrame(const PageWords& page, double& x, double& y);

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Create(const EngineOptions& options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // `cancel` may be empty; otherwise it is polled while Tesseract works, and true stops
  // the page (kTimeout).
  Result<PageWords> Recognize(const GrayImage& image, const std::function<bool()>& cancel);

  const EngineOptions& options() const { return options_; }

 private:
  struct Impl;
  explicit Engine(const EngineOptions& options);
  EngineOptions options_;
  std::unique_ptr<Impl> impl_;
};

// The process's initialised engines. Acquire hands out an idle engine with the same
// language and tessdata (creating one when none is idle and fewer than capacity() are
// out) and blocks while capacity() engines are busy; the Lease gives it back.
// Thread-safe.
class EnginePool {
 public:
  class Lease {
   public:
    Lease() = default;
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&& other) noexcept;
    ~Lease();
    explicit operator bool() const { return engine_ != nullptr; }
    Engine* operator->() const { return engine_.get(); }
    Engine& operator*() const { return *engine_; }
    const Error& error() const { return error_; }  // when empty

   private:
    friend class EnginePool;
    EnginePool* pool_ = nullptr;
    std::unique_ptr<Engine> engine_;
    Error error_;
  };

  // Engines running at once, across all documents: the hardware threads (at least 1).
  static EnginePool& Shared();

  explicit EnginePool(int capacity);
  Lease Acquire(const EngineOptions& options);
  int capacity() const { return capacity_; }

 private:
  void Release(std::unique_ptr<Engine> engine);
  std::mutex mu_;
  std::condition_variable cv_;
  int capacity_;
  int busy_ = 0;
  std::vector<std::unique_ptr<Engine>> idle_;
};

}  // namespace notices::ingest::ocr
