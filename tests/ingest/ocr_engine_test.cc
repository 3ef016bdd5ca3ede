// Tests for pipeline/ingest/ocr_engine.h: the engine pool, a missing model, blank and
// turned pages (Tesseract with the vie model; one small page at 150 dpi).
#include "pipeline/ingest/ocr_engine.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/common/utf8.h"
#include "pipeline/ingest/ocr_reader.h"
#include "tests/ingest/ocr_test_util.h"

namespace notices::ingest::ocr {
namespace {

constexpr double kPi = 3.14159265358979323846;

TEST(OcrEngine, PoolReusesEngines) {
  EnginePool pool(1);
  EngineOptions options;
  Engine* first = nullptr;
  {
    EnginePool::Lease lease = pool.Acquire(options);
    ASSERT_TRUE(lease) << lease.error().message;
    first = &*lease;
  }
  EnginePool::Lease again = pool.Acquire(options);
  ASSERT_TRUE(again);
  EXPECT_EQ(&*again, first) << "an idle engine is handed out again, not loaded anew";
}

TEST(OcrEngine, MissingModelIsAnErrorNotAPrintout) {
  EngineOptions options;
  options.language = "zzz";
  testing::internal::CaptureStderr();
  EnginePool::Lease lease = EnginePool(1).Acquire(options);
  std::string printed = testing::internal::GetCapturedStderr();
  ASSERT_FALSE(lease);
  EXPECT_EQ(lease.error().code, ErrorCode::kOcrFailed);
  EXPECT_NE(lease.error().message.find("tesseract-ocr-zzz"), std::string::npos) << lease.error().message;
  EXPECT_EQ(printed, "");
}

TEST(OcrEngine, BlankPageHasNoWords) {
  GrayImage image;
  image.width = 600;
  image.height = 800;
  image.dpi = 150;
  image.pixels.assign(600 * 800, 255);
  EnginePool::Lease lease = EnginePool::Shared().Acquire({});
  ASSERT_TRUE(lease);
  Result<PageWords> r = lease->Recognize(image, nullptr);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->words.empty());
  Result<PageWords> stopped = lease->Recognize(image, [] { return true; });
  if (!stopped.ok()) {
    EXPECT_EQ(stopped.error().code, ErrorCode::kTimeout);
  }
  GrayImage empty;
  EXPECT_FALSE(lease->Recognize(empty, nullptr).ok());
}

// `image` turned clockwise by `degrees` about its centre (nearest pixel).
GrayImage Turn(const GrayImage& image, double degrees) {
  GrayImage out = image;
  double a = -degrees * kPi / 180, c = std::cos(a), s = std::sin(a);
  double cx = image.width / 2.0, cy = image.height / 2.0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      double dx = x - cx, dy = y - cy;
      long sx = std::lround(cx + dx * c - dy * s), sy = std::lround(cy + dx * s + dy * c);
      bool inside = sx >= 0 && sy >= 0 && sx < image.width && sy < image.height;
      out.pixels[static_cast<size_t>(y) * static_cast<size_t>(image.width) + static_cast<size_t>(x)] =
          inside ? image.pixels[static_cast<size_t>(sy) * static_cast<size_t>(image.width) + static_cast<size_t>(sx)]
                 : 255;
    }
  return out;
}

// Words that occur once on the page, by text.
std::map<std::string, const OcrWord*> Unique(const PageWords& p) {
  std::map<std::string, const OcrWord*> once;
  std::map<std::string, int> count;
  for (const OcrWord& w : p.words)
    if (CountCodePoints(w.text) >= 4 && w.confidence > 80 && ++count[w.text] == 1) once[w.text] = &w;
  for (const auto& [text, n] : count)
    if (n > 1) once.erase(text);
  return once;
}

// A page turned by 1.5 degrees is deskewed, and its words' boxes map back to where the
// words are on the turned page.
TEST(OcrEngine, TurnedPageIsDeskewed) {
  PdfOptions options;
  options.ocr.dpi = 150;
  Result<GrayImage> image =
      RenderPageForOcr(testing_ocr::Sample("scans/seed-001-mixed.pdf"), options, 4);
  ASSERT_TRUE(image.ok()) << image.error().message;
  GrayImage turned = Turn(*image, 1.5);
  EnginePool::Lease lease = EnginePool::Shared().Acquire({});
  ASSERT_TRUE(lease);
  Result<PageWords> a = lease->Recognize(*image, nullptr), b = lease->Recognize(turned, nullptr);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NEAR(b->skew_degrees - a->skew_degrees, -1.5, 0.3);
  // Where the words of the upright page land on the turned one: the median miss.
  double t = 1.5 * kPi / 180, cx = image->width / 2.0, cy = image->height / 2.0;
  std::map<std::string, const OcrWord*> in_a = Unique(*a), in_b = Unique(*b);
  std::vector<double> misses;
  double moved = 0;
  for (const auto& [text, wa] : in_a) {
    auto it = in_b.find(text);
    if (it == in_b.end()) continue;
    const OcrWord* wb = it->second;
    double ax = (wa->x0 + wa->x1) / 2.0, ay = (wa->y0 + wa->y1) / 2.0;
    double bx = (wb->x0 + wb->x1) / 2.0, by = (wb->y0 + wb->y1) / 2.0;
    ToPageFrame(*a, ax, ay);
    ToPageFrame(*b, bx, by);
    double ex = cx + (ax - cx) * std::cos(t) - (ay - cy) * std::sin(t);
    double ey = cy + (ax - cx) * std::sin(t) + (ay - cy) * std::cos(t);
    misses.push_back(std::hypot(bx - ex, by - ey));
    moved = std::max(moved, std::hypot(bx - ax, by - ay));
  }
  ASSERT_GE(misses.size(), 10u);
  std::sort(misses.begin(), misses.end());
  EXPECT_LT(misses[misses.size() / 2], 4) << "pixels, over " << misses.size() << " words";
  EXPECT_GT(moved, 10) << "the turn moved words: the test can see a wrong sign";
}

}  // namespace
}  // namespace notices::ingest::ocr
