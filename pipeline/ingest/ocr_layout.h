// OCR words -> the page structures of PDF layout (pipeline/ingest/pdf_layout.h), so an
// OCRed page goes through the same reading-order rules as a text layer; and back from
// the composed text to one Box per word with its confidence. No Tesseract here: every
// rule can be tested on words built by hand.
//
//   ocr::PageWords words = ...;                        // Recognize's output (pixels)
//   pdf::Page typed = ...;                             // the scan's typed words (points), or {}
//   ocr::OcrLayoutPage page = ocr::BuildOcrPage(words, 595, 842, typed);
//   std::vector<pdf::Page> pages = {page.page};
//   DecodedText out;
//   pdf::ComposeText(pages, {true}, out);              // header columns, items, signature
//   ocr::SetWordBoxes(page.words, /*page_no=*/1, out); // line boxes -> word boxes
//
// BuildOcrPage:
//   - Pixels become points (the page's size over the image's); boxes stay in the
//     deskewed frame, where text lines are level, and WordBox::page_* give each word's
//     box in the page's own frame for provenance.
//   - Noise goes: blank words (the rules under the motto and the title), words without
//     a letter or digit read at under 50% confidence (specks, stamp strokes).
//   - Typed words win: an OCR word overlapping a typed word (by a third of the smaller
//     box) loses the characters under it, or goes whole, and the typed word takes its
//     place in the line ("Số: 18 /TB-LN-VP" where OCR read "lỗ"; a typed "45" inside
//     an OCR word "45/TB-VPUBND" leaves "/TB-VPUBND"). Typed words have confidence 100.
//   - Tesseract's text lines are cut at column gutters (the two header columns share
//     lines for Tesseract): a gap wider than kColumnGapEm font sizes, or wider than
//     kGutterMinEm and three times the line's usual word gap when no word of the lines
//     within kGutterSpanEm above or below crosses it ("UBND TỈNH LẠNG SƠN  CỘNG HÒA ...",
//     1.6 em apart, but not "1.<tab>Đối với ..." inside body text). The pieces are
//     stacked into blocks: a piece joins the nearest block above whose last line it
//     overlaps horizontally, at a line pitch, unless another block is about as near. So
//     the header comes out as a left and a right block, as from a text layer.
//   - Font sizes are estimated from the height of capitals, digits and ascenders above
//     the baseline; sizes within 12% of the page's median snap to it, and a block gets
//     one size, so noise does not read as a change of type size.
//   - FixOcrConfusions on every OCR word.
//
// Thread-safety: plain functions on values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/ingest/decoded_text.h"
#include "pipeline/ingest/ocr_engine.h"
#include "pipeline/ingest/pdf_layout.h"

namespace notices::ingest::ocr {

inline constexpr double kColumnGapEm = 2.5;   // font sizes: always a column gap
inline constexpr double kGutterMinEm = 1.2;   // the narrowest gutter
inline constexpr double kGutterSpanEm = 2.5;  // lines that must leave a gutter clear

// One word of an OCRed page with what provenance needs.
struct WordBox {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, the frame of OcrLayoutPage::page
  double page_x = 0, page_y = 0, page_width = 0, page_height = 0;  // points, page frame
  double size = 0;                        // estimated font size
  float confidence = 0;
  bool typed = false;                     // from the text layer
};

struct OcrLayoutPage {
  pdf::Page page;               // blocks of lines of words, deskewed frame
  std::vector<WordBox> words;   // every word of `page`
  size_t typed_words = 0;       // typed words placed
  size_t ocr_words_replaced = 0;  // OCR words typed words replaced, in part or whole
  float mean_confidence = 0;    // over the OCR words kept (0 when none)
};

// `typed` holds the words of the page's text layer to keep (page frame, points); its
// blocks and lines do not matter.
OcrLayoutPage BuildOcrPage(const PageWords& words, double width_pt, double height_pt,
                           const pdf::Page& typed);

// After pdf::ComposeText: the line boxes of page `page_no` (1-based) are replaced by one
// box per word of `words` (text order; a word's box runs to the next word, so every
// non-newline byte still lies in exactly one box), in the page frame, with confidences.
void SetWordBoxes(const std::vector<WordBox>& words, int page_no, DecodedText& text);

// Safe repairs of OCR slips, nothing that needs a dictionary:
//   - letters for digits inside numbers: in a run of digits and the look-alikes l, I, O,
//     o that stands between non-letters and holds a digit, the look-alikes become digits
//     ("l8/TB-LN-VP" -> "18/TB-LN-VP", "2O24" -> "2024"; "lO", "Il", "Ol2a" unchanged);
//   - the fraction slash U+2044, which Vietnamese documents do not use, is the slash of
//     a document number or date ("0⁄4", "⁄TB-VP").
std::string FixOcrConfusions(std::string_view word);

}  // namespace notices::ingest::ocr
