// ChooseOcrPages, OcrPdfPages, RunOcrStep, FinishOcrStep: the OCR step of ReadPdf.
// Tested by tests/ingest/ocr_reader_test.cc (generated scans, real scans when present).
#include "pipeline/ingest/ocr_reader.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <optional>
#include <thread>

#include <time.h>

#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <goo/GooString.h>
#include <splash/SplashBitmap.h>

#include "pipeline/common/utf8.h"

namespace notices::ingest {

namespace {

using Clock = std::chrono::steady_clock;

constexpr double kMaxPagePixels = 36e6;  // A3 at 300 dpi is 17.4 million
constexpr uint8_t kInkLevel = 160;     // a gray below it is ink, not paper or scanner noise

// CPU time of the calling thread, in milliseconds: what a page costs whatever else the
// machine runs.
double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// One worker's Poppler document and renderer.
class Renderer {
 public:
  Renderer(std::string_view bytes, const std::string& password) {
    InitPoppler();
    std::optional<GooString> pw;
    if (!password.empty()) pw.emplace(password);
    auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
    doc_ = std::make_unique<PDFDoc>(stream, pw, pw);
    if (!doc_->isOk()) return;
    SplashColor white = {255, 255, 255, 255};
    dev_ = std::make_unique<SplashOutputDev>(splashModeMono8, 1, false, white);
    dev_->setFontAntialias(true);
    dev_->setVectorAntialias(true);
    dev_->startDoc(doc_.get());
  }

  Result<ocr::GrayImage> Render(int page, int dpi) {
    if (!dev_) return Error(ErrorCode::kOcrFailed, "the PDF could not be opened again for rendering");
    if (page < 1 || page > doc_->getNumPages()) return Error(ErrorCode::kOcrFailed, "no such page");
    // A poster-sized page is read at a lower resolution rather than in 100 MB images.
    double inches = doc_->getPageMediaWidth(page) * doc_->getPageMediaHeight(page) / (72.0 * 72.0);
    if (inches > 0 && inches * dpi * dpi > kMaxPagePixels)
      dpi = std::max(72, static_cast<int>(std::sqrt(kMaxPagePixels / inches)));
    doc_->displayPage(dev_.get(), page, dpi, dpi, 0, /*useMediaBox=*/true, /*crop=*/false,
                      /*printing=*/false);
    SplashBitmap* bitmap = dev_->getBitmap();
    if (bitmap == nullptr || bitmap->getWidth() <= 0 || bitmap->getHeight() <= 0)
      return Error(ErrorCode::kOcrFailed, "the page could not be rendered");
    ocr::GrayImage image;
    image.width = bitmap->getWidth();
    image.height = bitmap->getHeight();
    image.dpi = dpi;
    image.pixels.resize(static_cast<size_t>(image.width) * static_cast<size_t>(image.height));
    const unsigned char* data = bitmap->getDataPtr();
    for (int y = 0; y < image.height; ++y)
      std::copy_n(data + static_cast<size_t>(y) * static_cast<size_t>(bitmap->getRowSize()),
                  image.width, image.pixels.begin() + static_cast<long>(y) * image.width);
    return image;
  }

 private:
  std::unique_ptr<PDFDoc> doc_;
  std::unique_ptr<SplashOutputDev> dev_;
};

struct MarkCount {
  size_t letters = 0, marked = 0;
};

// Letters with a Vietnamese mark: precomposed letters past ASCII, and combining marks.
MarkCount CountMarks(std::string_view s) {
  MarkCount m;
  for (size_t i = 0; i < s.size();) {
    char32_t c = DecodeUtf8(s, i);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++m.letters;
    else if (c >= 0x300 && c <= 0x323) ++m.marked;
    else if (c >= 0xC0 && c <= 0x1EF9 && c != 0xD7 && c != 0xF7) ++m.letters, ++m.marked;
  }
  return m;
}

std::string PageNumbers(const std::vector<int>& pages) {
  std::string s;
  for (int p : pages) s += (s.empty() ? "" : ", ") + std::to_string(p);
  return s;
}

}  // namespace

std::vector<std::optional<OcrReason>> ChooseOcrPages(const std::vector<PdfPageReport>& pages,
                                                     OcrMode mode) {
  std::vector<std::optional<OcrReason>> why(pages.size());
  if (mode == OcrMode::kNever) return why;
  if (mode == OcrMode::kAlways) {
    for (auto& w : why) w = OcrReason::kAlways;
    return why;
  }
  size_t letters = 0, marked = 0;
  bool any_text = false;
  for (const PdfPageReport& p : pages)
    if (p.kind == PdfPageKind::kText) {
      letters += p.letters;
      marked += p.marked;
      any_text = true;
    }
  for (size_t i = 0; i < pages.size(); ++i) {
    const PdfPageReport& p = pages[i];
    switch (p.kind) {
      case PdfPageKind::kScan: why[i] = OcrReason::kScan; break;
      case PdfPageKind::kGarbled: why[i] = OcrReason::kGarbled; break;
      case PdfPageKind::kBlank:
        if (!any_text) why[i] = OcrReason::kNoText;
        break;
      case PdfPageKind::kText: {
        // Many letters and not one mark, where the other pages are Vietnamese (a mark on
        // 5% of their letters) or under a page image (the layer of OCR software without
        // Vietnamese): a text layer that lost its marks.
        size_t other_letters = letters - p.letters, other_marked = marked - p.marked;
        bool vietnamese = other_letters > 0 && other_marked * 20 >= other_letters;
        if (p.marked == 0 && p.letters >= kNoDiacriticsMinLetters && (vietnamese || p.page_image))
          why[i] = OcrReason::kNoDiacritics;
        break;
      }
    }
  }
  return why;
}

std::vector<OcrPageResult> OcrPdfPages(std::string_view bytes, const PdfOptions& options,
                                       const std::vector<int>& pages, Deadline deadline) {
  std::vector<OcrPageResult> results(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) results[i].page = pages[i];
  if (pages.empty()) return results;
  int dpi = std::clamp(options.ocr.dpi, 72, 600);
  int threads = options.ocr.threads > 0 ? options.ocr.threads
                                        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  size_t workers = std::min(pages.size(), static_cast<size_t>(std::max(1, threads)));
  ocr::EngineOptions engine_options;
  engine_options.language = options.ocr.language;
  engine_options.tessdata_dir = options.ocr.tessdata_dir;
  std::function<bool()> cancel = [deadline] { return Clock::now() >= deadline; };

  std::atomic<size_t> next{0};
  auto work = [&] {
    ocr::EnginePool::Lease engine = ocr::EnginePool::Shared().Acquire(engine_options);
    std::optional<Renderer> renderer;
    for (size_t i; (i = next.fetch_add(1)) < pages.size();) {
      OcrPageResult& r = results[i];
      if (!engine) {
        r.status = engine.error();
        continue;
      }
      if (Clock::now() >= deadline) {
        r.status = Error(ErrorCode::kTimeout, "not read: the time budget ran out");
        continue;
      }
      if (!renderer) renderer.emplace(bytes, options.password);
      double t0 = ThreadCpuMs();
      Result<ocr::GrayImage> image = renderer->Render(r.page, dpi);
      r.render_cpu_ms = ThreadCpuMs() - t0;
      if (!image) {
        r.status = image.error();
        continue;
      }
      // A page without one dark pixel has nothing to read: Tesseract would spend most of
      // the page's time finding that out (a PDF of 2,000 blank pages).
      if (std::none_of(image->pixels.begin(), image->pixels.end(), [](uint8_t v) { return v < kInkLevel; })) {
        r.blank = true;
        continue;
      }
      double t1 = ThreadCpuMs();
      Result<ocr::PageWords> words = engine->Recognize(*image, cancel);
      r.ocr_cpu_ms = ThreadCpuMs() - t1;
      if (!words) {
        r.status = words.error();
        continue;
      }
      r.words = std::move(words).value();
      double t2 = ThreadCpuMs();
      r.rulings = ocr::FindRulings(*image, r.words);
      r.grid_cpu_ms = ThreadCpuMs() - t2;
    }
  };
  std::vector<std::thread> helpers;
  for (size_t k = 1; k < workers; ++k) helpers.emplace_back(work);
  work();
  for (std::thread& t : helpers) t.join();
  return results;
}

Result<ocr::GrayImage> RenderPageForOcr(std::string_view bytes, const PdfOptions& options, int page) {
  Renderer renderer(bytes, options.password);
  return renderer.Render(page, std::clamp(options.ocr.dpi, 72, 600));
}

OcrStep RunOcrStep(std::string_view bytes, const PdfOptions& options,
                   const std::vector<PdfPageReport>& verdicts,
                   const std::vector<std::optional<OcrReason>>& why, Deadline deadline,
                   std::vector<pdf::Page>& pages, std::vector<bool>& text_pages) {
  OcrStep step;
  std::vector<int> todo;
  for (size_t p = 0; p < why.size() && p < pages.size(); ++p)
    if (why[p]) todo.push_back(static_cast<int>(p) + 1);
  if (todo.empty()) return step;
  step.attempted = true;
  std::vector<OcrPageResult> results = OcrPdfPages(bytes, options, todo, deadline);

  std::vector<int> failed, timed_out, empty, kept_layer;
  std::string failure;
  for (OcrPageResult& r : results) {
    size_t p = static_cast<size_t>(r.page - 1);
    OcrReason reason = *why[p];
    if (!r.status.ok()) {
      step.not_read.push_back(r.page);
      if (r.status.error().code == ErrorCode::kTimeout) {
        step.timed_out = true;
        timed_out.push_back(r.page);
      } else {
        failed.push_back(r.page);
        if (failure.empty()) failure = r.status.error().message;
        if (step.engine_error.message.empty()) step.engine_error = r.status.error();
      }
      continue;
    }
    // The typed words of a scan win over OCR; other text layers are not trusted.
    static const pdf::Page kNoTyped;
    const pdf::Page& typed = verdicts[p].kind == PdfPageKind::kScan ? pages[p] : kNoTyped;
    ocr::DropGridWords(r.rulings, r.words);
    ocr::OcrLayoutPage lp = ocr::BuildOcrPage(r.words, pages[p].width, pages[p].height, typed);
    lp.page.rules = ocr::RulesInPoints(r.rulings, r.words, pages[p].width, pages[p].height);
    if (reason == OcrReason::kNoDiacritics) {
      MarkCount m;
      for (const ocr::WordBox& w : lp.words) {
        MarkCount c = CountMarks(w.text);
        m.letters += c.letters;
        m.marked += c.marked;
      }
      if (m.letters == 0 || m.marked * 20 < m.letters) {
        kept_layer.push_back(r.page);
        continue;
      }
    }
    if (r.blank) step.blank.push_back(r.page);
    else if (lp.words.empty()) empty.push_back(r.page);
    OcrPage info;
    info.page = r.page;
    info.reason = reason;
    info.confidence = lp.mean_confidence;
    info.typed_words = lp.typed_words;
    step.ocr_pages.push_back(info);
    step.words.push_back(std::move(lp.words));
    pages[p] = std::move(lp.page);
    text_pages[p] = true;
  }
  if (!failed.empty())
    step.warnings.push_back("ocr_failed: page(s) " + PageNumbers(failed) + " could not be read by OCR (" +
                            failure + ")");
  if (!timed_out.empty())
    step.warnings.push_back("ocr_timeout: page(s) " + PageNumbers(timed_out) +
                            " were not read: the time budget of " +
                            std::to_string(options.ocr.time_budget_ms) + " ms ran out");
  if (!empty.empty())
    step.warnings.push_back("ocr_empty: OCR found no text on page(s) " + PageNumbers(empty));
  if (!step.blank.empty())
    step.warnings.push_back("ocr_blank: page(s) " + PageNumbers(step.blank) + " are blank: nothing is printed on them");
  if (!kept_layer.empty())
    step.warnings.push_back("ocr_kept_text_layer: page(s) " + PageNumbers(kept_layer) +
                            " have no Vietnamese marks in their text layer, nor in OCR; the text "
                            "layer was kept");
  return step;
}

void FinishOcrStep(OcrStep& step, DecodedText& out) {
  for (size_t k = 0; k < step.ocr_pages.size(); ++k)
    ocr::SetWordBoxes(step.words[k], step.ocr_pages[k].page, out);
  out.ocr_pages = std::move(step.ocr_pages);
  for (std::string& w : step.warnings) out.warnings.push_back(std::move(w));
}

}  // namespace notices::ingest
