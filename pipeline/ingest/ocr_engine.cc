// ocr::Engine, ocr::EnginePool, ocr::ToPageFrame/ToDeskewedFrame.
// Tested by tests/ingest/ocr_engine_test.cc.
#include "pipeline/ingest/ocr_engine.h"

#include <dlfcn.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <thread>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

namespace notices::ingest::ocr {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr float kMinSkewDegrees = 0.1f;
constexpr float kMinSkewConfidence = 3.0f;  // Leptonica's own threshold in pixDeskew

// Tesseract's LSTM runs `#pragma omp parallel for num_threads(N)`: the clause overrides
// omp_set_num_threads and OMP_THREAD_LIMIT is read only when libgomp loads, so the
// per-thread switch is max-active-levels 0 (every parallel region runs on one thread).
// Looked up at run time: a Tesseract built without OpenMP needs nothing.
void SingleThreadedOpenMp() {
  using SetLevels = void (*)(int);
  static const SetLevels set_levels =
      reinterpret_cast<SetLevels>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
  thread_local bool done = false;
  if (set_levels != nullptr && !done) {
    set_levels(0);
    done = true;
  }
}

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

PixPtr ToPix(const GrayImage& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return pix;
  auto* data = reinterpret_cast<uint8_t*>(pixGetData(pix.get()));
  size_t row_bytes = static_cast<size_t>(pixGetWpl(pix.get())) * 4;
  for (int y = 0; y < image.height; ++y)
    std::memcpy(data + static_cast<size_t>(y) * row_bytes,
                image.pixels.data() + static_cast<size_t>(y) * static_cast<size_t>(image.width),
                static_cast<size_t>(image.width));
  // Leptonica keeps pixels in 32-bit words, most significant byte first.
  pixEndianByteSwap(pix.get());
  pixSetResolution(pix.get(), image.dpi, image.dpi);
  return pix;
}

// The skew angle in degrees (Leptonica's sign: rotating by it, clockwise positive,
// straightens the lines), or 0 when unsure.
float FindSkew(Pix* gray) {
  PixPtr binary(pixConvertTo1(gray, 160));
  if (!binary) return 0;
  float angle = 0, confidence = 0;
  if (pixFindSkew(binary.get(), &angle, &confidence) != 0) return 0;
  if (confidence < kMinSkewConfidence || std::fabs(angle) < kMinSkewDegrees) return 0;
  return angle;
}

bool CancelThunk(void* data, int /*words*/) {
  auto* state = static_cast<std::pair<const std::function<bool()>*, bool>*>(data);
  if (!state->second && (*state->first)()) state->second = true;
  return state->second;
}

void Rotate(double degrees, double cx, double cy, double& x, double& y) {
  double a = degrees * kPi / 180.0;
  double dx = x - cx, dy = y - cy;
  x = cx + dx * std::cos(a) - dy * std::sin(a);
  y = cy + dx * std::sin(a) + dy * std::cos(a);
}

}  // namespace

void ToPageFrame(const PageWords& page, double& x, double& y) {
  if (page.skew_degrees != 0) Rotate(-page.skew_degrees, page.width / 2.0, page.height / 2.0, x, y);
}

void ToDeskewedFrame(const PageWords& page, double& x, double& y) {
  if (page.skew_degrees != 0) Rotate(page.skew_degrees, page.width / 2.0, page.height / 2.0, x, y);
}

struct Engine::Impl {
  tesseract::TessBaseAPI api;
};

Engine::Engine(const EngineOptions& options) : options_(options), impl_(std::make_unique<Impl>()) {}
Engine::~Engine() {
  if (impl_) impl_->api.End();
}

Result<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  std::unique_ptr<Engine> e(new Engine(options));
  // Diagnostics ("Detected 183 diacritics", "Error opening data file") go nowhere: set
  // before Init, which prints when a model is missing.
  e->impl_->api.SetVariable("debug_file", "/dev/null");
  const char* datapath = options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str();
  int rc = e->impl_->api.Init(datapath, options.language.c_str(), tesseract::OEM_LSTM_ONLY);
  if (rc != 0) {
    std::string lang = options.language;
    std::string package = lang.substr(0, lang.find('+'));
    return Error(ErrorCode::kOcrFailed,
                 "the OCR model for language '" + lang +
                     "' cannot be loaded (Debian package tesseract-ocr-" + package + ")",
                 options.tessdata_dir.empty() ? "" : "tessdata: " + options.tessdata_dir);
  }
  e->impl_->api.SetPageSegMode(tesseract::PSM_AUTO);
  return e;
}

Result<PageWords> Engine::Recognize(const GrayImage& image, const std::function<bool()>& cancel) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() < static_cast<size_t>(image.width) * static_cast<size_t>(image.height))
    return Error(ErrorCode::kOcrFailed, "the page image is empty");
  SingleThreadedOpenMp();
  PixPtr pix = ToPix(image);
  if (!pix) return Error(ErrorCode::kOcrFailed, "out of memory for the page image");

  PageWords out;
  out.width = image.width;
  out.height = image.height;
  out.dpi = image.dpi;
  if (options_.deskew) {
    float skew = FindSkew(pix.get());
    if (skew != 0) {
      PixPtr rotated(pixRotate(pix.get(), static_cast<float>(skew * kPi / 180.0), L_ROTATE_SHEAR,
                               L_BRING_IN_WHITE, 0, 0));  // 0, 0: same size, same centre
      if (rotated) {
        pix = std::move(rotated);
        out.skew_degrees = skew;
      }
    }
  }

  tesseract::TessBaseAPI& api = impl_->api;
  api.SetImage(pix.get());
  api.SetSourceResolution(image.dpi);
  std::pair<const std::function<bool()>*, bool> cancel_state{&cancel, false};
  tesseract::ETEXT_DESC monitor;
  if (cancel) {
    monitor.cancel = &CancelThunk;
    monitor.cancel_this = &cancel_state;
  }
  int rc = api.Recognize(&monitor);
  if (cancel_state.second) {
    api.Clear();
    return Error(ErrorCode::kTimeout, "OCR stopped: the time budget ran out");
  }
  if (rc != 0) {
    api.Clear();
    return Error(ErrorCode::kOcrFailed, "Tesseract could not read the page image");
  }

  // Symbol by symbol: a word's text, box and confidence at its first symbol; then its
  // symbols. Plain letters and digits sitting on the baseline give the word's baseline
  // (Tesseract fits the line's baseline over every blob of the line, specks and
  // signature strokes included); capitals, digits and ascender letters give its size.
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  int line = -1;
  int bx1 = 0, by1 = 0, bx2 = 0, by2 = 0;
  std::vector<int> bottoms, tops;  // of the word's plain and of its tall symbols
  auto median = [](std::vector<int>& v) {
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
  };
  auto finish_word = [&] {
    if (out.words.empty()) return;
    OcrWord& w = out.words.back();
    if (!bottoms.empty()) w.baseline = median(bottoms);
    if (!tops.empty()) {
      int top = median(tops);
      if (w.baseline > top) w.cap_height = static_cast<float>(w.baseline - top);
    }
  };
  bool in_word = false;
  if (it) {
    do {
      if (it->Empty(tesseract::RIL_SYMBOL)) continue;
      if (it->IsAtBeginningOf(tesseract::RIL_WORD)) {
        if (in_word) finish_word();
        bottoms.clear();
        tops.clear();
        in_word = false;
        if (line < 0 || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
          ++line;
          if (!it->Baseline(tesseract::RIL_TEXTLINE, &bx1, &by1, &bx2, &by2)) bx1 = bx2 = by1 = by2 = 0;
        }
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
        if (!text || text[0] == '\0') continue;
        OcrWord w;
        w.text = text.get();
        it->BoundingBox(tesseract::RIL_WORD, &w.x0, &w.y0, &w.x1, &w.y1);
        double cx = (w.x0 + w.x1) / 2.0;
        w.baseline = bx2 != bx1 ? static_cast<int>(std::lround(by1 + (by2 - by1) * (cx - bx1) / (bx2 - bx1)))
                                : (by1 != 0 ? by1 : w.y1);
        w.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD), 0.0f, 100.0f);
        w.line = line;
        out.words.push_back(std::move(w));
        in_word = true;
      }
      if (!in_word) continue;
      std::unique_ptr<char[]> symbol(it->GetUTF8Text(tesseract::RIL_SYMBOL));
      OcrSymbol sym;
      if (symbol) sym.text = symbol.get();
      int t = 0, b = 0;
      if (!it->BoundingBox(tesseract::RIL_SYMBOL, &sym.x0, &t, &sym.x1, &b)) continue;
      out.words.back().symbols.push_back(sym);
      if (sym.text.size() != 1) continue;  // marked letters: the marks stick out
      char c = sym.text[0];
      bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (letter && c != 'Q' && c != 'g' && c != 'j' && c != 'p' && c != 'q' && c != 'y') bottoms.push_back(b);
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == 'b' || c == 'd' || c == 'h' || c == 'k' ||
          c == 'l')
        tops.push_back(t);
    } while (it->Next(tesseract::RIL_SYMBOL));
    if (in_word) finish_word();
  }
  it.reset();
  api.Clear();
  return out;
}

EnginePool& EnginePool::Shared() {
  static EnginePool* pool =
      new EnginePool(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  return *pool;
}

EnginePool::EnginePool(int capacity) : capacity_(std::max(1, capacity)) {}

EnginePool::Lease EnginePool::Acquire(const EngineOptions& options) {
  auto same = [&](const std::unique_ptr<Engine>& e) {
    return e->options().language == options.language &&
           e->options().tessdata_dir == options.tessdata_dir && e->options().deskew == options.deskew;
  };
  Lease lease;
  {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return busy_ < capacity_; });
    ++busy_;
    auto it = std::find_if(idle_.begin(), idle_.end(), same);
    if (it != idle_.end()) {
      lease.engine_ = std::move(*it);
      idle_.erase(it);
      lease.pool_ = this;
      return lease;
    }
    // Room for a new engine: drop an idle one of another language.
    if (busy_ + static_cast<int>(idle_.size()) > capacity_ && !idle_.empty()) idle_.erase(idle_.begin());
  }
  Result<std::unique_ptr<Engine>> created = Engine::Create(options);  // slow: outside the lock
  if (!created) {
    std::lock_guard<std::mutex> lock(mu_);
    --busy_;
    cv_.notify_one();
    lease.error_ = created.error();
    return lease;
  }
  lease.engine_ = std::move(created).value();
  lease.pool_ = this;
  return lease;
}

void EnginePool::Release(std::unique_ptr<Engine> engine) {
  std::lock_guard<std::mutex> lock(mu_);
  --busy_;
  if (engine) idle_.push_back(std::move(engine));
  cv_.notify_one();
}

EnginePool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), engine_(std::move(other.engine_)), error_(std::move(other.error_)) {
  other.pool_ = nullptr;
}

EnginePool::Lease& EnginePool::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    if (pool_ != nullptr) pool_->Release(std::move(engine_));
    pool_ = other.pool_;
    engine_ = std::move(other.engine_);
    error_ = std::move(other.error_);
    other.pool_ = nullptr;
  }
  return *this;
}

EnginePool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->Release(std::move(engine_));
}

}  // namespace notices::ingest::ocr
