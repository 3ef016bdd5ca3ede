// The ruling lines of a table drawn on a scanned page: found in the page image, so that
// an OCRed page reads its tables through pdf::TakeTables (pdf_table.h) as a text layer's
// drawn grid does. No Tesseract and no Poppler here: every rule can be tested on images
// drawn by hand.
//
//   ocr::GrayImage image = ...;                      // the page image given to Recognize
//   ocr::PageWords words = lease->Recognize(image, cancel).value();
//   std::vector<ocr::Ruling> grid = ocr::FindRulings(image, words);  // pixels, deskewed
//   ocr::DropGridWords(grid, words);                 // "|" read off a rule, words cut at rules
//   ocr::OcrLayoutPage page = ocr::BuildOcrPage(words, 595, 842, typed);
//   page.page.rules = ocr::RulesInPoints(grid, words, 595, 842);
//   // pdf::ComposeText(pages, ...) now reads the grid's rows as " | " rows
//
// FindRulings:
//   - In: the image as given to Recognize (8-bit gray, 0 black) and its PageWords for
//     the geometry only (size and skew_degrees; the words are not read). Out: the
//     horizontal and vertical lines of table grids in pixels of the DESKEWED image,
//     the frame of the OCR word boxes, each exactly level or upright.
//   - Ink is a gray below kGridInkLevel. The image is turned by skew_degrees first
//     (nearest pixel), so a grid scanned at a slant is found level.
//   - A ruling line is long, thin and straight: runs of ink along a row (a column), gaps
//     up to kGridRunGapMm bridged (a scanned line breaks up), pieces of at least
//     kGridMinPieceMm linked across neighbouring rows (a residual slant makes a line
//     step from row to row) and along the row up to kGridLinkGapMm apart; a line is
//     kept when it is at least kGridMinHorizontalMm (kGridMinVerticalMm) long, ink over
//     kGridMinCoverage of its length, at most kGridMaxThicknessMm thick on average, and
//     with ink just beside it (2 to 4 px off its edges at 300 dpi) along no more than
//     kGridMaxSideInk of its length on either side. Text strokes are short; a filled
//     block is thick; the baseline and the x-height of a line of text, which can run
//     long, have letters beside them.
//   - Only grids are returned: lines that meet (within kGridTouchMm) are grouped, and a
//     group with at least one horizontal and three vertical lines (two columns, what
//     pdf::TakeTables needs) is kept. Each end of a kept line must then stand on a
//     line across it, or lie beyond the grid (vertical lines past the outermost
//     horizontal ones, ending where the outer vertical lines end: a table cut by a page
//     break; horizontal lines past the outermost vertical ones: a table without side
//     borders); strokes of letters that chain over two lines of text in a cell and
//     come near a border at one end fail this. Line ends within kGridTouchMm of a
//     crossing line are snapped onto it. A page of prose, an underline under the motto
//     or the title, a frame around a note: nothing, so those pages read exactly as
//     before.
//   - Never: reads words, allocates per pixel, or fails (an empty or odd image gives
//     no lines). Cost: a few tens of milliseconds for an A4 page at 300 dpi (see
//     tests/bench/ocr_grid_bench.cc), next to Tesseract's seconds.
//
// DropGridWords: OCR reads a vertical rule as "|", "I", "l", "1" or "[" and often glues
// it to the word beside it ("|Sở", "du[": Tesseract's LSTM puts the bar's box on the
// word's first letter, not on the rule), or runs one word over two cells. So, for the
// words whose middle height lies along a kept vertical rule:
//   - a symbol lying on a rule (its box within the rule's thickness plus kGridOnRuleMm)
//     goes, whatever was read; so does a word lying on a horizontal rule;
//   - a word with symbols on both sides of a rule is cut there into two words (boxes
//     from their symbols, the rest of the word's fields kept);
//   - bar marks ("|", "[", "]", "!": the strokes OCR makes of a rule; like the
//     confusables of FixOcrConfusions, a fact of OCR, not of the language) at the start
//     (end) of a word that starts (ends) within kGridNearRuleMm of a rule go, and a word
//     made only of them near a rule goes.
// A word whose symbols do not spell its text is otherwise kept whole. Words away from
// the rules are never touched.
//
// RulesInPoints: the lines in pdf::Rule form, in points of the deskewed frame, scaled
// as BuildOcrPage scales the words (width_pt / words.width).
//
// Thread-safety: plain functions on values.
#pragma once

#include <vector>

#include "pipeline/ingest/ocr_engine.h"
#include "pipeline/ingest/pdf_layout.h"

namespace notices::ingest::ocr {

inline constexpr int kGridInkLevel = 160;          // gray below it is ink
inline constexpr double kGridRunGapMm = 0.5;       // breaks bridged inside a run
inline constexpr double kGridMinPieceMm = 2.0;     // shorter runs are not line pieces
inline constexpr double kGridLinkGapMm = 2.0;      // pieces of one line along the row
inline constexpr double kGridMinHorizontalMm = 8;  // the narrowest column, give or take
inline constexpr double kGridMinVerticalMm = 5.5;  // a row of one line of 11 pt text
inline constexpr double kGridMinCoverage = 0.75;   // share of the length in ink
inline constexpr double kGridMaxThicknessMm = 0.8; // 4 px at 300 dpi, blurred by a scan
inline constexpr double kGridMaxSideInk = 0.25;    // share of a line with ink beside it
inline constexpr double kGridTouchMm = 1.0;        // lines this close meet
inline constexpr double kGridOnRuleMm = 0.35;      // a symbol this close lies on a rule
inline constexpr double kGridNearRuleMm = 2.0;     // a word's end this close is by a rule

// A ruling line in pixels of the deskewed image.
struct Ruling {
  bool horizontal = true;
  double at = 0;             // y of a horizontal line, x of a vertical one
  double from = 0, to = 0;   // its extent: x for a horizontal line, y for a vertical one
  double thickness = 0;      // average, pixels
};

// The table grids of `image`: horizontal lines top to bottom, then vertical ones left to
// right. `geometry`: Recognize's output for this image (width, height, dpi,
// skew_degrees).
std::vector<Ruling> FindRulings(const GrayImage& image, const PageWords& geometry);

// Takes the symbols that are a rule out of `words` and cuts words at vertical rules.
void DropGridWords(const std::vector<Ruling>& rulings, PageWords& words);

// The rulings as pdf::Rule in points (the frame of BuildOcrPage's words).
std::vector<pdf::Rule> RulesInPoints(const std::vector<Ruling>& rulings, const PageWords& geometry,
                                     double width_pt, double height_pt);

}  // namespace notices::ingest::ocr
