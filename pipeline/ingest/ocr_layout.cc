// ocr::BuildOcrPage, ocr::SetWordBoxes, ocr::FixOcrConfusions.
// Tested by tests/ingest/ocr_layout_test.cc (hand-built words).
#include "pipeline/ingest/ocr_layout.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "pipeline/common/utf8.h"

namespace notices::ingest::ocr {

namespace {

// Unmarked capitals, digits and ascender letters stand about 0.68 em above the baseline
// in the serif faces of Vietnamese documents (Times New Roman: 0.66-0.69 em). Whole
// words are no measure: marks on capitals ("Ộ") add a fifth of an em, and Tesseract's own
// row height strayed by 25% between lines of one paragraph. Lines with none of those
// letters fall back on the height of their words above the baseline.
constexpr double kCapHeightPerEm = 0.68;
constexpr double kAscentPerEm = 0.75;
constexpr float kNoiseConfidence = 50;
constexpr double kTypedOverlap = 1.0 / 3.0;  // share of the smaller box
constexpr double kTypedMarginEm = 0.1;       // OCR's character boxes stray a little
constexpr double kSizeSnap = 0.12;

// Letters of Latin scripts (Vietnamese among them) and combining marks.
bool IsLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x1E00 && c <= 0x1EFF);
}

bool HasAlnum(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t c = DecodeUtf8(s, i);
    if (IsLetter(c) || (c >= '0' && c <= '9')) return true;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsConfusable(char32_t c) { return c == 'l' || c == 'I' || c == 'O' || c == 'o'; }

struct Item {
  WordBox box;
  double base = 0;
  int line = 0;
};

double Overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

struct Piece {
  std::vector<size_t> items;  // left to right
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0, base = 0, size = 0;
  size_t chars = 0;
};

void Measure(Piece& p, const std::vector<Item>& items) {
  p.x0 = p.y0 = 1e18;
  p.x1 = p.y1 = -1e18;
  std::vector<double> bases, sizes;
  p.chars = 0;
  for (size_t i : p.items) {
    const WordBox& b = items[i].box;
    p.x0 = std::min(p.x0, b.x0);
    p.x1 = std::max(p.x1, b.x1);
    p.y0 = std::min(p.y0, b.y0);
    p.y1 = std::max(p.y1, b.y1);
    bases.push_back(items[i].base);
    if (!b.typed) sizes.push_back(b.size);
    p.chars += CountCodePoints(b.text);
  }
  if (sizes.empty())
    for (size_t i : p.items) sizes.push_back(items[i].box.size);
  std::sort(bases.begin(), bases.end());
  std::sort(sizes.begin(), sizes.end());
  p.base = bases[bases.size() / 2];
  p.size = sizes[sizes.size() / 2];
}

struct BlockB {
  std::vector<size_t> pieces;  // top to bottom
  double pitch = 0;            // baseline distance of its first two lines
};

double Median(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// The size that half of the characters are set in or below.
double MedianByChars(std::vector<std::pair<double, size_t>> sizes) {
  std::sort(sizes.begin(), sizes.end());
  size_t total = 0, acc = 0;
  for (const auto& [s, n] : sizes) total += n;
  for (const auto& [s, n] : sizes)
    if ((acc += n) * 2 >= total) return s;
  return sizes.back().first;
}

// Pixels of the deskewed image -> points, and OCR words -> items.
struct Frame {
  const PageWords& words;
  double sx = 1, sy = 1;
  std::map<int, double> line_size;  // points, per OCR line

  // An OCR word, or its part from pixel x0 to x1.
  Item Make(const OcrWord& w, std::string_view text, int x0, int x1) const {
    Item it;
    it.box.text = FixOcrConfusions(Trim(text));
    it.box.x0 = x0 * sx;
    it.box.x1 = x1 * sx;
    it.box.y0 = w.y0 * sy;
    it.box.y1 = w.y1 * sy;
    double cx = (x0 + x1) / 2.0, cy = (w.y0 + w.y1) / 2.0;
    ToPageFrame(words, cx, cy);
    it.box.page_width = (x1 - x0) * sx;
    it.box.page_height = (w.y1 - w.y0) * sy;
    it.box.page_x = cx * sx - it.box.page_width / 2;
    it.box.page_y = cy * sy - it.box.page_height / 2;
    auto size = line_size.find(w.line);
    it.box.size = size != line_size.end() ? size->second : 0;
    it.box.confidence = w.confidence;
    it.base = w.baseline * sy;
    it.line = w.line;
    return it;
  }
};

// Noise: blank words (rules under the motto) and doubtful words without a letter or
// digit (specks, a scratched dash).
std::vector<const OcrWord*> DropNoise(const PageWords& words) {
  std::vector<const OcrWord*> good;
  for (const OcrWord& w : words.words) {
    std::string_view t = Trim(w.text);
    if (t.empty() || (!HasAlnum(t) && w.confidence < kNoiseConfidence)) continue;
    good.push_back(&w);
  }
  return good;
}

// Font size of each OCR line, in points.
std::map<int, double> LineSizes(const std::vector<const OcrWord*>& good, double sy) {
  std::map<int, std::vector<double>> caps, ascents;
  for (const OcrWord* w : good) {
    if (w->cap_height > 0) caps[w->line].push_back(w->cap_height);
    ascents[w->line].push_back(w->baseline - w->y0);
  }
  std::map<int, double> sizes;
  for (auto& [line, a] : ascents) {
    auto c = caps.find(line);
    double px = c != caps.end() ? Median(c->second) / kCapHeightPerEm : Median(a) / kAscentPerEm;
    sizes[line] = std::max(1.0, px) * sy;
  }
  return sizes;
}

// The typed words, in the deskewed frame; each typed line gets a line number of its own
// from `next_line` on.
std::vector<Item> TypedItems(const pdf::Page& typed, const Frame& f, int next_line) {
  std::vector<Item> items;
  for (const pdf::Block& b : typed.blocks)
    for (const pdf::Line& l : b.lines) {
      for (const pdf::Word& w : l.words) {
        Item it;
        it.box.text = w.text;
        it.box.typed = true;
        it.box.confidence = 100;
        it.box.size = w.size;
        it.box.page_x = w.x0;
        it.box.page_y = w.y0;
        it.box.page_width = w.x1 - w.x0;
        it.box.page_height = w.y1 - w.y0;
        double cx = (w.x0 + w.x1) / 2.0 / f.sx, cy = (w.y0 + w.y1) / 2.0 / f.sy, bx = cx, by = w.base / f.sy;
        ToDeskewedFrame(f.words, cx, cy);
        ToDeskewedFrame(f.words, bx, by);
        it.box.x0 = cx * f.sx - it.box.page_width / 2;
        it.box.x1 = cx * f.sx + it.box.page_width / 2;
        it.box.y0 = cy * f.sy - it.box.page_height / 2;
        it.box.y1 = cy * f.sy + it.box.page_height / 2;
        it.base = by * f.sy;
        it.line = next_line;
        items.push_back(std::move(it));
      }
      ++next_line;
    }
  return items;
}

// Typed words win: an OCR word under one (a third of the smaller box) loses the
// characters whose middle lies within the typed word's width, give or take
// kTypedMarginEm ("45/TB-VPUBND" read across a typed "45" keeps "/TB-VPUBND"); without
// character boxes, or when its characters do not spell it, it goes whole. Appends the
// OCR words kept to `kept`.
void PlaceOcrWords(const std::vector<const OcrWord*>& good, const std::vector<Item>& typed, const Frame& f,
                   std::vector<Item>& kept, OcrLayoutPage& out) {
  double confidence_sum = 0;
  size_t ocr_kept = 0;
  auto keep = [&](Item it) {
    confidence_sum += it.box.confidence;
    ++ocr_kept;
    kept.push_back(std::move(it));
  };
  for (const OcrWord* wp : good) {
    const OcrWord& w = *wp;
    Item whole = f.Make(w, w.text, w.x0, w.x1);
    std::vector<const Item*> under;
    for (const Item& t : typed) {
      const WordBox& o = whole.box;
      double ox = Overlap(o.x0, o.x1, t.box.x0, t.box.x1), oy = Overlap(o.y0, o.y1, t.box.y0, t.box.y1);
      if (ox <= 0 || oy <= 0) continue;
      double ta = (t.box.x1 - t.box.x0) * (t.box.y1 - t.box.y0), oa = (o.x1 - o.x0) * (o.y1 - o.y0);
      if (ox * oy >= kTypedOverlap * std::min(ta, oa)) under.push_back(&t);
    }
    if (under.empty()) {
      keep(std::move(whole));
      continue;
    }
    ++out.ocr_words_replaced;
    std::string spelled;
    for (const OcrSymbol& c : w.symbols) spelled += c.text;
    if (w.symbols.empty() || spelled != w.text) continue;
    std::string run;
    int rx0 = 0, rx1 = 0;
    auto flush = [&] {
      if (!run.empty() && HasAlnum(run)) keep(f.Make(w, run, rx0, rx1));
      run.clear();
    };
    for (const OcrSymbol& c : w.symbols) {
      double mid = (c.x0 + c.x1) / 2.0 * f.sx;
      bool covered = false;
      for (const Item* t : under) {
        double margin = kTypedMarginEm * t->box.size;
        covered = covered || (mid >= t->box.x0 - margin && mid <= t->box.x1 + margin);
      }
      if (covered) {
        flush();
        continue;
      }
      if (run.empty()) rx0 = c.x0;
      run += c.text;
      rx1 = c.x1;
    }
    flush();
  }
  out.mean_confidence = ocr_kept ? static_cast<float>(confidence_sum / static_cast<double>(ocr_kept)) : 0;
}

// A typed word joins the OCR line whose height holds its centre and whose baseline is
// nearest, or keeps a line of its own.
void JoinTypedWords(std::vector<Item> typed, std::vector<Item>& kept) {
  std::map<int, std::pair<double, double>> span;  // line -> y0, y1
  std::map<int, double> base;
  for (const Item& it : kept) {
    auto [pos, added] = span.emplace(it.line, std::make_pair(it.box.y0, it.box.y1));
    if (!added) {
      pos->second.first = std::min(pos->second.first, it.box.y0);
      pos->second.second = std::max(pos->second.second, it.box.y1);
    }
    base.emplace(it.line, it.base);
  }
  for (Item& t : typed) {
    double cy = (t.box.y0 + t.box.y1) / 2, best = 1e18;
    for (const auto& [line, s] : span) {
      if (cy < s.first || cy > s.second) continue;
      double d = std::fabs(base[line] - t.base);
      if (d < best) best = d, t.line = line;
    }
    kept.push_back(std::move(t));
  }
}

// Lines -> pieces cut at column gutters (see the header). Gaps are measured between
// words with a letter or digit; a lone mark inside a gutter ("_", "|": a fold, a rule)
// goes, and so does a piece of one or two marks (":" beside a column).
std::vector<Piece> CutAtGutters(const std::vector<Item>& kept) {
  std::map<int, Piece> lines;
  for (size_t i = 0; i < kept.size(); ++i) lines[kept[i].line].items.push_back(i);
  for (auto& [line, p] : lines) {
    std::sort(p.items.begin(), p.items.end(), [&](size_t a, size_t b) { return kept[a].box.x0 < kept[b].box.x0; });
    Measure(p, kept);
  }
  // A gutter: no word of the lines within kGutterSpanEm above or below crosses it.
  auto clear = [&](int line, double x0, double x1) {
    const Piece& me = lines[line];
    for (const auto& [other, p] : lines) {
      if (other == line || std::fabs(p.base - me.base) > kGutterSpanEm * me.size) continue;
      for (size_t i : p.items)
        if (kept[i].box.x1 > x0 && kept[i].box.x0 < x1 && HasAlnum(kept[i].box.text)) return false;
    }
    return true;
  };
  std::vector<Piece> pieces;
  for (const auto& [line, w] : lines) {
    const std::vector<size_t>& idx = w.items;
    std::vector<size_t> solid;
    for (size_t i : idx)
      if (HasAlnum(kept[i].box.text)) solid.push_back(i);
    std::vector<double> gaps;
    for (size_t k = 1; k < solid.size(); ++k) gaps.push_back(kept[solid[k]].box.x0 - kept[solid[k - 1]].box.x1);
    double typical = gaps.empty() ? 0 : Median(gaps);
    std::vector<std::pair<double, double>> cuts;  // gutters: [x0, x1]
    for (size_t k = 1; k < idx.size(); ++k) {
      double x0 = kept[idx[k - 1]].box.x1, x1 = kept[idx[k]].box.x0;
      if (x1 - x0 > kColumnGapEm * w.size) cuts.push_back({x0, x1});
    }
    for (size_t k = 1; k < solid.size(); ++k) {
      double x0 = kept[solid[k - 1]].box.x1, x1 = kept[solid[k]].box.x0, gap = x1 - x0;
      if (gap > kGutterMinEm * w.size && gap <= kColumnGapEm * w.size && gap > 3 * typical &&
          clear(line, x0 + 0.1 * w.size, x1 - 0.1 * w.size))
        cuts.push_back({x0, x1});
    }
    std::sort(cuts.begin(), cuts.end());
    Piece cur;
    size_t next_cut = 0;
    for (size_t i : idx) {
      const WordBox& b = kept[i].box;
      while (next_cut < cuts.size() && b.x0 >= cuts[next_cut].second - 0.01) {
        if (!cur.items.empty()) pieces.push_back(std::move(cur));
        cur = Piece{};
        ++next_cut;
      }
      bool in_gutter = next_cut < cuts.size() && b.x0 >= cuts[next_cut].first - 0.01 &&
                       b.x1 <= cuts[next_cut].second + 0.01;
      if (in_gutter && !HasAlnum(b.text)) continue;
      cur.items.push_back(i);
    }
    if (!cur.items.empty()) pieces.push_back(std::move(cur));
  }
  std::erase_if(pieces, [&](const Piece& p) {
    size_t chars = 0;
    for (size_t i : p.items) {
      if (HasAlnum(kept[i].box.text)) return false;
      chars += CountCodePoints(kept[i].box.text);
    }
    return chars <= 2;
  });
  for (Piece& p : pieces) Measure(p, kept);
  return pieces;
}

// Noise within kSizeSnap of the page's median size (by characters) is no change of size;
// sizes are rounded to half points as pdf::BodyFontSize counts them.
void SnapSizes(std::vector<Piece>& pieces) {
  if (pieces.empty()) return;
  std::vector<std::pair<double, size_t>> sizes;
  for (const Piece& p : pieces) sizes.push_back({p.size, p.chars});
  double mid = MedianByChars(sizes);
  for (Piece& p : pieces) {
    if (std::fabs(p.size - mid) <= mid * kSizeSnap) p.size = mid;
    p.size = std::round(p.size * 2) / 2;
  }
}

// Pieces -> blocks, top to bottom: a piece joins the nearest block whose last line it
// overlaps horizontally, at a line pitch (the block's own after two lines) and within
// 25% of its size; when two blocks are about as near (a full-width line under two
// columns), neither.
std::vector<BlockB> StackBlocks(const std::vector<Piece>& pieces) {
  std::vector<size_t> order(pieces.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return pieces[a].base != pieces[b].base ? pieces[a].base < pieces[b].base : pieces[a].x0 < pieces[b].x0;
  });
  std::vector<BlockB> blocks;
  for (size_t pi : order) {
    const Piece& p = pieces[pi];
    int best = -1;
    double best_d = 1e18, second_d = 1e18;
    for (size_t b = 0; b < blocks.size(); ++b) {
      const Piece& last = pieces[blocks[b].pieces.back()];
      double d = p.base - last.base;
      double small = std::min(p.size, last.size);
      double limit = blocks[b].pitch > 0 ? blocks[b].pitch * 1.3 : small * 1.9;
      if (d <= small * 0.5 || d > limit) continue;
      if (Overlap(p.x0, p.x1, last.x0, last.x1) <= 0) continue;
      if (d < best_d) {
        second_d = best_d;
        best_d = d;
        best = std::max(p.size, last.size) > small * 1.25 ? -2 : static_cast<int>(b);
      } else {
        second_d = std::min(second_d, d);
      }
    }
    if (best >= 0 && second_d - best_d > p.size * 0.5) {
      BlockB& b = blocks[static_cast<size_t>(best)];
      if (b.pieces.size() == 1) b.pitch = p.base - pieces[b.pieces.back()].base;
      b.pieces.push_back(pi);
    } else {
      blocks.push_back(BlockB{{pi}, 0});
    }
  }
  return blocks;
}

// The blocks as pdf::Page blocks, each in one type size (its lines are within 25% of
// each other, and a change of size inside a block starts a paragraph in
// pdf::ComposeText); their words into out.words.
void Emit(const std::vector<BlockB>& blocks, const std::vector<Piece>& pieces, std::vector<Item>& kept,
          OcrLayoutPage& out) {
  for (const BlockB& b : blocks) {
    std::vector<std::pair<double, size_t>> sizes;
    for (size_t pi : b.pieces) sizes.push_back({pieces[pi].size, pieces[pi].chars});
    double block_size = MedianByChars(sizes);
    pdf::Block block;
    for (size_t pi : b.pieces) {
      pdf::Line line;
      for (size_t i : pieces[pi].items) {
        Item& it = kept[i];
        it.box.size = block_size;
        pdf::Word w;
        w.text = it.box.text;
        w.x0 = it.box.x0;
        w.y0 = it.box.y0;
        w.x1 = it.box.x1;
        w.y1 = it.box.y1;
        w.base = it.base;
        w.size = block_size;
        w.space_after = true;
        line.words.push_back(std::move(w));
        out.words.push_back(it.box);
      }
      block.lines.push_back(std::move(line));
    }
    out.page.blocks.push_back(std::move(block));
  }
}

}  // namespace

std::string FixOcrConfusions(std::string_view word) {
  std::vector<char32_t> cps;
  bool changed = false;
  for (size_t i = 0; i < word.size();) {
    char32_t c = DecodeUtf8(word, i);
    if (c == 0x2044) c = '/', changed = true;
    cps.push_back(c);
  }
  for (size_t i = 0; i < cps.size();) {
    if (!(IsConfusable(cps[i]) || (cps[i] >= '0' && cps[i] <= '9'))) {
      ++i;
      continue;
    }
    size_t j = i;
    bool digit = false, confusable = false;
    while (j < cps.size() && (IsConfusable(cps[j]) || (cps[j] >= '0' && cps[j] <= '9'))) {
      digit = digit || (cps[j] >= '0' && cps[j] <= '9');
      confusable = confusable || IsConfusable(cps[j]);
      ++j;
    }
    bool bounded = (i == 0 || !IsLetter(cps[i - 1])) && (j == cps.size() || !IsLetter(cps[j]));
    if (digit && confusable && bounded) {
      for (size_t k = i; k < j; ++k)
        if (IsConfusable(cps[k])) cps[k] = (cps[k] == 'l' || cps[k] == 'I') ? U'1' : U'0';
      changed = true;
    }
    i = j;
  }
  if (!changed) return std::string(word);
  std::string out;
  for (char32_t c : cps) AppendUtf8(out, c);
  return out;
}

OcrLayoutPage BuildOcrPage(const PageWords& words, double width_pt, double height_pt,
                           const pdf::Page& typed) {
  OcrLayoutPage out;
  out.page.width = width_pt;
  out.page.height = height_pt;
  if (words.width <= 0 || words.height <= 0) return out;
  Frame f{words, width_pt / words.width, height_pt / words.height, {}};
  std::vector<const OcrWord*> good = DropNoise(words);
  f.line_size = LineSizes(good, f.sy);
  int next_line = f.line_size.empty() ? 0 : f.line_size.rbegin()->first + 1;
  std::vector<Item> typed_items = TypedItems(typed, f, next_line);
  std::vector<Item> kept;
  kept.reserve(good.size() + typed_items.size());
  PlaceOcrWords(good, typed_items, f, kept, out);
  out.typed_words = typed_items.size();
  JoinTypedWords(std::move(typed_items), kept);
  std::vector<Piece> pieces = CutAtGutters(kept);
  SnapSizes(pieces);
  Emit(StackBlocks(pieces), pieces, kept, out);
  return out;
}

void SetWordBoxes(const std::vector<WordBox>& words, int page_no, DecodedText& text) {
  constexpr double kEps = 0.01;
  std::vector<Box> boxes;
  boxes.reserve(text.boxes.size() + words.size());
  std::vector<const WordBox*> cands;
  for (const Box& box : text.boxes) {
    if (box.page != page_no) {
      boxes.push_back(box);
      continue;
    }
    cands.clear();
    for (const WordBox& w : words)
      if (w.x0 >= box.x - kEps && w.x1 <= box.x + box.width + kEps && w.y0 >= box.y - kEps &&
          w.y1 <= box.y + box.height + kEps)
        cands.push_back(&w);
    std::stable_sort(cands.begin(), cands.end(),
                     [](const WordBox* a, const WordBox* b) { return a->x0 < b->x0; });
    // Token starts of the line: one token per word (every word is followed by a space).
    std::vector<size_t> starts;
    for (size_t i = box.begin; i < box.end; ++i)
      if (text.text[i] != ' ' && (i == box.begin || text.text[i - 1] == ' ')) starts.push_back(i);
    if (cands.empty() || starts.size() != cands.size()) {
      Box kept = box;
      for (const WordBox* w : cands) kept.confidence = std::min(kept.confidence, w->confidence);
      boxes.push_back(kept);
      continue;
    }
    for (size_t k = 0; k < cands.size(); ++k) {
      const WordBox& w = *cands[k];
      Box b;
      b.begin = k == 0 ? box.begin : starts[k];
      b.end = k + 1 < cands.size() ? starts[k + 1] : box.end;
      b.page = page_no;
      b.x = w.page_x;
      b.y = w.page_y;
      b.width = w.page_width;
      b.height = w.page_height;
      b.font_size = w.size;
      b.confidence = w.confidence;
      boxes.push_back(b);
    }
  }
  text.boxes = std::move(boxes);
}

}  // namespace notices::ingest::ocr
