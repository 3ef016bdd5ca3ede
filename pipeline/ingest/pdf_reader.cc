// LooksLikePdf, ReadPdf, PdfReport::OcrPages. Tested by tests/ingest/pdf_reader_test.cc.
//
// Poppler's core library (libpoppler-private-dev) rather than poppler-cpp: its
// TextOutputDev gives the words with fonts, sizes and baselines at pdftotext's speed,
// where poppler-cpp's text_list(text_list_include_font) costs about twice as much.
#include "pipeline/ingest/pdf_reader.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include <Error.h>
#include <GlobalParams.h>
#include <Object.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include "pipeline/common/time_budget.h"
#include "pipeline/common/utf8.h"
#include "pipeline/ingest/ocr_reader.h"
#include "pipeline/ingest/pdf_layout.h"
#include "pipeline/ingest/pdf_text_check.h"
#include "pipeline/ingest/text_decoder.h"

namespace notices::ingest {

namespace {

constexpr size_t kMaxPopplerMessages = 20;
constexpr size_t kScanTextLimit = 300;  // letters and digits: below, a page image is a scan

// Poppler's diagnostics for the document being read on this thread.
struct PopplerLog {
  bool active = false;
  std::vector<std::string> messages;
  size_t dropped = 0;
};
thread_local PopplerLog t_log;

void CaptureError(ErrorCategory category, Goffset pos, const char* msg) {
  if (!t_log.active) return;  // outside ReadPdf: swallowed too, never printed
  if (t_log.messages.size() >= kMaxPopplerMessages) {
    ++t_log.dropped;
    return;
  }
  static const char* const kNames[] = {"syntax warning", "syntax error", "config error",
                                       "I/O error",      "not allowed",  "unimplemented",
                                       "internal error"};
  std::string m = "poppler: ";
  auto c = static_cast<size_t>(category);
  m += c < 7 ? kNames[c] : "error";
  if (pos >= 0) m += " at byte " + std::to_string(pos);
  m += ": ";
  m += msg ? msg : "";
  t_log.messages.push_back(std::move(m));
}

// Starts capturing on construction; hands the messages over on Take().
class LogScope {
 public:
  LogScope() {
    t_log = PopplerLog{};
    t_log.active = true;
  }
  ~LogScope() { t_log.active = false; }
  std::vector<std::string> Take() {
    std::vector<std::string> out = std::move(t_log.messages);
    if (t_log.dropped) out.push_back("poppler: " + std::to_string(t_log.dropped) + " more message(s)");
    t_log.messages.clear();
    t_log.dropped = 0;
    return out;
  }
  LogScope(const LogScope&) = delete;
  LogScope& operator=(const LogScope&) = delete;
};

std::string JoinMessages(const std::vector<std::string>& m) {
  std::string out;
  for (const std::string& s : m) {
    if (!out.empty()) out += "; ";
    out += s;
  }
  return out;
}

// Ligatures and presentation forms a text layer may carry.
void AppendChar(std::string& out, Unicode u) {
  switch (u) {
    case 0xFB00: out += "ff"; return;
    case 0xFB01: out += "fi"; return;
    case 0xFB02: out += "fl"; return;
    case 0xFB03: out += "ffi"; return;
    case 0xFB04: out += "ffl"; return;
    case 0xFB05:
    case 0xFB06: out += "st"; return;
    default: break;
  }
  if (u < 0x20 || u == 0x7F || (u >= 0x80 && u < 0xA0)) return;  // controls
  if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF)) u = 0xFFFD;
  AppendUtf8(out, static_cast<char32_t>(u));
}

struct FontTable {
  std::unordered_map<std::string, int> index;
  std::vector<std::string> names;
  int Get(const GooString* name) {
    std::string key = name ? name->toStr() : std::string();
    auto [it, added] = index.emplace(key, static_cast<int>(names.size()));
    if (added) names.push_back(key);
    return it->second;
  }
};

// An image XObject about the size of the page (>= 80% of it at 50 dpi): a scan.
bool HasPageImage(PDFDoc& doc, int page_no, double width_pt, double height_pt) {
  Page* page = doc.getPage(page_no);
  if (page == nullptr) return false;
  Dict* res = page->getResourceDict();
  if (res == nullptr) return false;
  double need_w = width_pt / 72.0 * 50 * 0.8, need_h = height_pt / 72.0 * 50 * 0.8;
  auto big = [&](Dict* d) {
    Object ow = d->lookup("Width"), oh = d->lookup("Height");
    double w = ow.isNum() ? ow.getNum() : 0, h = oh.isNum() ? oh.getNum() : 0;
    return (w >= need_w && h >= need_h) || (w >= need_h && h >= need_w);
  };
  std::function<bool(Dict*, int)> scan = [&](Dict* resources, int depth) {
    Object xobjects = resources->lookup("XObject");
    if (!xobjects.isDict()) return false;
    for (int i = 0; i < xobjects.dictGetLength(); ++i) {
      Object x = xobjects.dictGetVal(i);
      if (!x.isStream()) continue;
      Dict* d = x.streamGetDict();
      Object subtype = d->lookup("Subtype");
      if (subtype.isName("Image") && big(d)) return true;
      if (subtype.isName("Form") && depth < 2) {
        Object inner = d->lookup("Resources");
        if (inner.isDict() && scan(inner.getDict(), depth + 1)) return true;
      }
    }
    return false;
  };
  return scan(res, 0);
}

// Fonts named like TCVN3 or VNI fonts are simple 8-bit fonts whose bytes are Vietnamese
// letters in that encoding. Where the PDF keeps those bytes as the character codes
// (Word's PDFs), the Unicode Poppler derives from the code's Latin glyph name is not
// reliable (WinAnsi names TCVN3's "ư", 0xAD, "hyphen": it comes out as '-'), so the code
// goes through as a private-use code point U+F700+byte, decoded after extraction.
constexpr Unicode kRawByteBase = 0xF700;

// Whether a legacy font's character codes are its encoding's bytes. PDF writers that
// subset fonts may renumber the glyphs (LibreOffice: codes 1, 2, 3 ... in order of first
// use, "T" then "h"); the bytes then survive only in the ToUnicode map, as the Latin-1
// characters the document held, and the codes mean nothing. The ASCII codes tell them
// apart: kept bytes map to themselves, renumbered codes to unrelated characters (control
// codes to letters, in a font of a few glyphs). A font without any mapping keeps its
// codes (nothing better is known). `font` is a simple (8-bit) font; getNextChar is how
// its map is read (CharCodeToUnicode's own methods are not exported by libpoppler).
bool CodesAreBytes(const GfxFont& font) {
  int same = 0, other = 0;
  for (CharCode c = 1; c < 0x7F; ++c) {
    char byte = static_cast<char>(c);
    CharCode code = 0;
    const Unicode* u = nullptr;
    int u_len = 0;
    double dx, dy, ox, oy;
    font.getNextChar(&byte, 1, &code, &u, &u_len, &dx, &dy, &ox, &oy);
    if (u_len < 1 || u == nullptr) continue;
    // Symbolic fonts may map their codes into the private use area at U+F000+code.
    if (u[0] == c || u[0] == 0xF000 + c) ++same;
    else ++other;
  }
  return same >= other;
}

class TextDev : public TextOutputDev {
 public:
  TextDev() : TextOutputDev(nullptr, /*physLayoutA=*/false, /*fixedPitchA=*/0, /*rawOrderA=*/false,
                            /*append=*/false) {}
  void drawChar(GfxState* state, double x, double y, double dx, double dy, double origin_x,
                double origin_y, CharCode c, int n_bytes, const Unicode* u, int u_len) override {
    const std::shared_ptr<GfxFont>& font = state->getFont();
    if (font && c < 256 && c != 0x20 && PassCodes(font.get())) {
      Unicode raw = kRawByteBase + c;
      TextOutputDev::drawChar(state, x, y, dx, dy, origin_x, origin_y, c, n_bytes, &raw, 1);
      return;
    }
    TextOutputDev::drawChar(state, x, y, dx, dy, origin_x, origin_y, c, n_bytes, u, u_len);
  }
  // Ruling lines (table borders): straight strokes, and thin filled rectangles.
  void stroke(GfxState* state) override {
    TextOutputDev::stroke(state);
    AddRules(state, /*filled=*/false);
  }
  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    AddRules(state, /*filled=*/true);
  }
  std::vector<pdf::Rule> TakeRules() { return std::move(rules_); }

 private:
  static constexpr double kMaxRuleThickness = 2.0;
  static constexpr size_t kMaxRules = 20000;  // a drawing, not a table

  void AddRules(GfxState* state, bool filled) {
    const GfxPath* path = state->getPath();
    if (path == nullptr || rules_.size() >= kMaxRules) return;
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath* sub = path->getSubpath(i);
      int n = sub->getNumPoints();
      if (n < 2) continue;
      std::vector<std::pair<double, double>> pts(static_cast<size_t>(n));
      for (int j = 0; j < n; ++j) state->transform(sub->getX(j), sub->getY(j), &pts[static_cast<size_t>(j)].first,
                                                   &pts[static_cast<size_t>(j)].second);
      if (filled) {
        double x0 = pts[0].first, x1 = x0, y0 = pts[0].second, y1 = y0;
        for (const auto& [x, y] : pts) x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
        if (y1 - y0 <= kMaxRuleThickness && x1 - x0 > kMaxRuleThickness) rules_.push_back({x0, (y0 + y1) / 2, x1, (y0 + y1) / 2});
        else if (x1 - x0 <= kMaxRuleThickness && y1 - y0 > kMaxRuleThickness) rules_.push_back({(x0 + x1) / 2, y0, (x0 + x1) / 2, y1});
        continue;
      }
      for (size_t j = 1; j < pts.size(); ++j) {
        auto [ax, ay] = pts[j - 1];
        auto [bx, by] = pts[j];
        if (std::fabs(ay - by) < 0.5 || std::fabs(ax - bx) < 0.5) rules_.push_back({ax, ay, bx, by});
      }
    }
  }
  std::vector<pdf::Rule> rules_;

  // A legacy font (by name) whose codes are its bytes. Other legacy fonts keep their
  // Unicode (the Latin-1 reading of the bytes), turned back into bytes by ToLegacyBytes.
  bool PassCodes(GfxFont* font) {
    auto it = pass_codes_.find(font);
    if (it != pass_codes_.end()) return it->second;
    bool pass = !font->isCIDFont() && font->getName() &&
                DetectLegacyEncoding(*font->getName(), "") != LegacyEncoding::kNone &&
                CodesAreBytes(*font);
    pass_codes_.emplace(font, pass);
    return pass;
  }
  std::unordered_map<const GfxFont*, bool> pass_codes_;
};

// The words of one page, in Poppler's blocks and lines.
pdf::Page ExtractPage(PDFDoc& doc, int page_no, FontTable& fonts) {
  pdf::Page out;
  int rotate = doc.getPageRotate(page_no);
  out.width = doc.getPageMediaWidth(page_no);
  out.height = doc.getPageMediaHeight(page_no);
  if (rotate == 90 || rotate == 270) std::swap(out.width, out.height);
  TextDev dev;
  if (!dev.isOk()) return out;
  doc.displayPage(&dev, page_no, 72, 72, 0, /*useMediaBox=*/true, /*crop=*/false,
                  /*printing=*/false);
  TextPage* text = dev.takeText();
  if (text == nullptr) return out;
  for (const TextFlow* flow = text->getFlows(); flow; flow = flow->getNext()) {
    for (const TextBlock* block = flow->getBlocks(); block; block = block->getNext()) {
      pdf::Block b;
      for (const TextLine* line = block->getLines(); line; line = line->getNext()) {
        pdf::Line l;
        for (const TextWord* word = line->getWords(); word; word = word->getNext()) {
          pdf::Word w;
          int n = word->getLength();
          w.text.reserve(static_cast<size_t>(n));
          for (int i = 0; i < n; ++i) AppendChar(w.text, *word->getChar(i));
          if (w.text.empty()) continue;
          word->getBBox(&w.x0, &w.y0, &w.x1, &w.y1);
          w.base = word->getBaseline();
          w.size = word->getFontSize();
          w.font = n > 0 && word->getFontInfo(0) ? fonts.Get(word->getFontInfo(0)->getFontName())
                         : fonts.Get(nullptr);
          w.space_after = word->hasSpaceAfter();
          if (word->getRotation() != 0) b.rotated = true;
          l.words.push_back(std::move(w));
        }
        if (!l.words.empty()) b.lines.push_back(std::move(l));
      }
      if (!b.lines.empty()) out.blocks.push_back(std::move(b));
    }
  }
  text->decRefCnt();
  out.rules = dev.TakeRules();
  return out;
}

// The bytes of a legacy font's word: raw bytes passed through as U+F700+byte, or the
// Latin-1 reading of the text for fonts found by their text only.
std::string RawOrLegacyBytes(const std::string& word) {
  std::string out;
  bool raw = false;
  for (size_t i = 0; i < word.size();) {
    char32_t c = DecodeUtf8(word, i);
    if (c >= kRawByteBase && c < kRawByteBase + 256) {
      out.push_back(static_cast<char>(c - kRawByteBase));
      raw = true;
    } else {
      AppendUtf8(out, c);
    }
  }
  return raw ? out : ToLegacyBytes(word);
}

// Why fonts were judged garbled, for a clerk.
std::string GarbledCause(const std::vector<bool>& undecodable, const std::vector<LegacyEncoding>& legacy,
                         const std::vector<bool>& garbled) {
  std::string legacy_names;
  bool broken = false;
  for (size_t f = 0; f < garbled.size(); ++f) {
    if (!garbled[f]) continue;
    if (undecodable[f]) {
      std::string name = LegacyEncodingName(legacy[f]);
      if (legacy_names.find(name) == std::string::npos)
        legacy_names += (legacy_names.empty() ? "" : ", ") + name;
    } else {
      broken = true;
    }
  }
  std::string cause;
  if (broken) cause = "garbled fonts with a broken character map";
  if (!legacy_names.empty())
    cause += (cause.empty() ? "" : ", and ") + std::string("fonts in a legacy Vietnamese encoding (") +
             legacy_names + ") that this build cannot decode";
  return cause.empty() ? "garbled fonts" : cause;
}

std::string PageList(const std::vector<int>& pages) {
  std::string s;
  for (int p : pages) {
    if (!s.empty()) s += ", ";
    s += std::to_string(p);
  }
  return s;
}

struct CharCount {
  size_t alnum = 0, letters = 0, marked = 0;
};

// Letters and digits; letters; letters with a Vietnamese mark (precomposed, or a
// combining mark counted once).
void CountChars(std::string_view s, CharCount& n) {
  for (size_t i = 0; i < s.size();) {
    char32_t c = DecodeUtf8(s, i);
    if (c >= '0' && c <= '9') {
      ++n.alnum;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++n.alnum;
      ++n.letters;
    } else if (c >= 0x300 && c <= 0x323) {
      ++n.marked;
    } else if (c >= 0xC0) {
      ++n.alnum;
      ++n.letters;
      if (c <= 0x1EF9 && c != 0xD7 && c != 0xF7) ++n.marked;
    }
  }
}

}  // namespace

void InitPoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    setErrorCallback(&CaptureError);
    globalParams = std::make_unique<GlobalParams>();
    globalParams->setErrQuiet(false);
  });
}

std::vector<int> PdfReport::OcrPages() const {
  std::vector<int> out;
  for (size_t i = 0; i < pages.size(); ++i)
    if (pages[i].kind == PdfPageKind::kScan || pages[i].kind == PdfPageKind::kGarbled)
      out.push_back(static_cast<int>(i) + 1);
  return out;
}

bool LooksLikePdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

Result<DecodedText> ReadPdf(std::string_view bytes, const PdfOptions& options, PdfReport* report) {
  const auto start = std::chrono::steady_clock::now();
  if (report) *report = PdfReport{};
  if (!LooksLikePdf(bytes))
    return Error(ErrorCode::kNotPdf, "not a PDF file (it does not start with %PDF-)");
  InitPoppler();
  LogScope log;

  std::optional<GooString> password;
  if (!options.password.empty()) password.emplace(options.password);
  // MemStream reads the caller's bytes in place; the document lives only in this call.
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  PDFDoc doc(stream, password, password);
  if (!doc.isOk()) {
    int code = doc.getErrorCode();
    if (code == errEncrypted)
      return Error(ErrorCode::kPdfEncrypted,
                   options.password.empty()
                       ? "the PDF is protected by a password; give it with --password to open it"
                       : "the password given with --password does not open this PDF",
                   JoinMessages(log.Take()));
    return Error(ErrorCode::kPdfCorrupt,
                 "the PDF is damaged or truncated and cannot be opened (re-download or re-export it)",
                 JoinMessages(log.Take()));
  }
  int page_count = doc.getNumPages();
  if (page_count <= 0)
    return Error(ErrorCode::kPdfNoPages, "the PDF has no pages", JoinMessages(log.Take()));
  if (page_count > options.max_pages)
    return Error(ErrorCode::kPdfTooManyPages,
                 "the PDF has " + std::to_string(page_count) + " pages, more than the limit of " +
                     std::to_string(options.max_pages));

  FontTable fonts;
  std::vector<pdf::Page> pages;
  pages.reserve(static_cast<size_t>(page_count));
  std::vector<PdfPageReport> verdicts(static_cast<size_t>(page_count));
  for (int p = 1; p <= page_count; ++p) {
    if (OutOfTime())
      return Error(ErrorCode::kTimeout, "stopped at page " + std::to_string(p) + " of " +
                                            std::to_string(page_count) + ": out of time (--timeout)");
    pages.push_back(ExtractPage(doc, p, fonts));
    verdicts[static_cast<size_t>(p - 1)].page_image =
        HasPageImage(doc, p, pages.back().width, pages.back().height);
  }

  DecodedText out;
  out.encoding = "pdf";

  // Legacy font encodings (TCVN3, VNI): detect per font, decode the words.
  std::vector<std::string> sample(fonts.names.size());
  for (const pdf::Page& page : pages)
    for (const pdf::Block& b : page.blocks)
      for (const pdf::Line& l : b.lines)
        for (const pdf::Word& w : l.words)
          if (w.font >= 0 && sample[static_cast<size_t>(w.font)].size() < 4096)
            sample[static_cast<size_t>(w.font)] += w.text + " ";
  std::vector<LegacyEncoding> legacy(fonts.names.size(), LegacyEncoding::kNone);
  std::vector<bool> undecodable(fonts.names.size(), false);
  for (size_t f = 0; f < fonts.names.size(); ++f) {
    legacy[f] = DetectLegacyEncoding(fonts.names[f], sample[f]);
    if (legacy[f] == LegacyEncoding::kNone) continue;
    std::string name = fonts.names[f] + ": " + LegacyEncodingName(legacy[f]);
    if (report) report->legacy_fonts.push_back(name);
    TextOptions topt;
    topt.encoding = LegacyEncodingName(legacy[f]);
    Result<DecodedText> probe = DecodeText("a", topt);
    if (!probe) {
      undecodable[f] = true;
      out.warnings.push_back("legacy_font: font " + name +
                             " cannot be decoded yet (" + probe.error().message + ")");
    }
  }
  for (pdf::Page& page : pages)
    for (pdf::Block& b : page.blocks)
      for (pdf::Line& l : b.lines)
        for (pdf::Word& w : l.words) {
          if (w.font < 0 || legacy[static_cast<size_t>(w.font)] == LegacyEncoding::kNone ||
              undecodable[static_cast<size_t>(w.font)])
            continue;
          TextOptions topt;
          topt.encoding = LegacyEncodingName(legacy[static_cast<size_t>(w.font)]);
          Result<DecodedText> d = DecodeText(RawOrLegacyBytes(w.text), topt);
          if (d) w.text = std::move(d->text);
        }

  // Garbled fonts: judged over the whole document, then counted per page.
  std::vector<TextStats> font_stats(fonts.names.size());
  for (const pdf::Page& page : pages)
    for (const pdf::Block& b : page.blocks)
      for (const pdf::Line& l : b.lines)
        for (const pdf::Word& w : l.words)
          if (w.font >= 0) font_stats[static_cast<size_t>(w.font)].Add(w.text);
  std::vector<bool> garbled_font(fonts.names.size(), false);
  for (size_t f = 0; f < fonts.names.size(); ++f) {
    garbled_font[f] = undecodable[f] || JudgeFont(font_stats[f]) == FontVerdict::kGarbled;
    if (garbled_font[f] && report) report->garbled_fonts.push_back(fonts.names[f]);
  }
  std::vector<int> garbled_pages, scan_pages, stray_pages;
  for (size_t p = 0; p < pages.size(); ++p) {
    size_t words = 0, bad = 0;
    CharCount count;
    for (const pdf::Block& b : pages[p].blocks)
      for (const pdf::Line& l : b.lines)
        for (const pdf::Word& w : l.words) {
          CountChars(w.text, count);
          WordClass c = ClassifyWord(w.text);
          if (c == WordClass::kNeutral) continue;
          ++words;
          if ((w.font >= 0 && garbled_font[static_cast<size_t>(w.font)]) ||
              c == WordClass::kImplausible)
            ++bad;
        }
    PdfPageReport& v = verdicts[p];
    size_t chars = count.alnum;
    v.chars = chars;
    v.letters = count.letters;
    v.marked = count.marked;
    if (bad >= 3 && bad * 20 >= words) {
      v.kind = PdfPageKind::kGarbled;
      garbled_pages.push_back(static_cast<int>(p) + 1);
    } else if (v.page_image && chars < kScanTextLimit) {
      v.kind = PdfPageKind::kScan;
      scan_pages.push_back(static_cast<int>(p) + 1);
    } else if (chars == 0) {
      v.kind = v.page_image ? PdfPageKind::kScan : PdfPageKind::kBlank;
      if (v.page_image) scan_pages.push_back(static_cast<int>(p) + 1);
    } else {
      v.kind = PdfPageKind::kText;
      if (bad > 0) {
        // A few stray garbled words: keep the page, never the words.
        for (pdf::Block& b : pages[p].blocks)
          for (pdf::Line& l : b.lines)
            for (pdf::Word& w : l.words)
              if ((w.font >= 0 && garbled_font[static_cast<size_t>(w.font)] &&
                   ClassifyWord(w.text) != WordClass::kNeutral) ||
                  ClassifyWord(w.text) == WordClass::kImplausible)
                w.text = "\xEF\xBF\xBD";
        stray_pages.push_back(static_cast<int>(p) + 1);
      }
    }
  }

  std::vector<bool> text_pages(pages.size()), typed_pages(pages.size());
  bool any_text = false;
  for (size_t p = 0; p < pages.size(); ++p) {
    text_pages[p] = verdicts[p].kind == PdfPageKind::kText;
    typed_pages[p] = verdicts[p].kind == PdfPageKind::kScan;
    any_text = any_text || text_pages[p];
  }
  if (report) {
    report->pages = verdicts;
    pdf::ComposeText(pages, typed_pages, report->typed_text, nullptr, /*remove_margins=*/false);
    report->typed_text.encoding = "pdf";
  }
  std::vector<std::string> poppler_messages = log.Take();

  const std::vector<bool> layer_pages = text_pages;
  // OCR of the pages without a usable text layer: they join text_pages.
  Deadline deadline = options.ocr.time_budget_ms > 0
                          ? start + std::chrono::milliseconds(options.ocr.time_budget_ms)
                          : Deadline::max();
  OcrStep ocr = RunOcrStep(bytes, options, verdicts, ChooseOcrPages(verdicts, options.ocr.mode),
                           deadline, pages, text_pages);
  for (size_t p = 0; p < pages.size(); ++p) any_text = any_text || text_pages[p];
  auto not_read = [&](std::vector<int>& list) {
    std::erase_if(list, [&](int p) { return text_pages[static_cast<size_t>(p - 1)]; });
  };
  not_read(garbled_pages);
  not_read(scan_pages);
  std::string timeout_message;
  if (ocr.timed_out)
    timeout_message = "OCR ran out of the time budget of " + std::to_string(options.ocr.time_budget_ms) +
                      " ms; page(s) " + PageList(ocr.not_read) + " were not read";
  if (!any_text && ocr.timed_out) return Error(ErrorCode::kTimeout, timeout_message);
  if (!any_text && ocr.attempted)
    return Error(ErrorCode::kOcrFailed,
                 "OCR could not read any page of this PDF" +
                     (ocr.engine_error.message.empty() ? std::string()
                                                       : ": " + ocr.engine_error.message),
                 ocr.engine_error.detail);
  if (!any_text) {
    size_t typed = 0;
    for (size_t p = 0; p < pages.size(); ++p)
      if (typed_pages[p]) typed += verdicts[p].chars;
    std::string msg;
    if (!garbled_pages.empty())
      msg = "the PDF's text layer is unreadable on page(s) " + PageList(garbled_pages) + " (" +
            GarbledCause(undecodable, legacy, garbled_font) + "); it needs OCR";
    else if (!scan_pages.empty())
      msg = typed > 0 ? "the PDF is a scan: apart from " + std::to_string(typed) +
                            " typed characters (a stamp or a few typed words) its pages are "
                            "images without text; it needs OCR"
                      : "the PDF is a scan (page images without text); it needs OCR";
    else
      msg = "the PDF has no text on any page (blank pages, or text drawn as shapes); it needs OCR";
    return Error(ErrorCode::kPdfNoText, msg, JoinMessages(poppler_messages));
  }

  // Borderless task tables are sought on the text layer only: OCR's word boxes are too
  // rough for column edges found to a point.
  pdf::ComposeText(pages, text_pages, out, nullptr, true, {options.table_columns.get(), layer_pages});
  FinishOcrStep(ocr, out);
  if (!garbled_pages.empty())
    out.warnings.push_back("pdf_garbled_pages: page(s) " + PageList(garbled_pages) +
                           " have an unreadable text layer (" +
                           GarbledCause(undecodable, legacy, garbled_font) +
                           ") and were left out; they need OCR");
  if (!scan_pages.empty())
    out.warnings.push_back("pdf_scanned_pages: page(s) " + PageList(scan_pages) +
                           " are images without a text layer and were left out; they need OCR");
  if (!stray_pages.empty())
    out.warnings.push_back("pdf_garbled_words: a few unreadable words on page(s) " +
                           PageList(stray_pages) + " were replaced by U+FFFD");
  for (std::string& m : poppler_messages) out.warnings.push_back(std::move(m));
  if (ocr.timed_out) {
    if (report) report->partial_text = std::move(out);
    return Error(ErrorCode::kTimeout, timeout_message);
  }
  if (ocr.attempted) {
    CharCount all;
    CountChars(out.text, all);
    if (all.alnum == 0 && !ocr.blank.empty() && ocr.blank.size() == pages.size())
      return Error(ErrorCode::kOcrFailed, "every page of this PDF is blank: no text layer and nothing printed (" +
                                              std::to_string(pages.size()) + " page(s))");
    if (all.alnum == 0)
      return Error(ErrorCode::kOcrFailed, "OCR found no text on any page of this PDF" +
                                              (ocr.blank.empty() ? std::string()
                                                                 : " (blank: page(s) " + PageList(ocr.blank) + ")"));
  }
  return out;
}

}  // namespace notices::ingest
