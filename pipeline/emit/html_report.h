// The audit page: one self-contained HTML file (inline CSS and JS, no network) where a
// clerk reads each document's normalized text with every extracted span highlighted
// beside the table of its tasks, filters the batch, and records corrections that
// download as gold files (see pipeline/eval/gold_writer.h).
//
//   std::ofstream out("report.html");
//   emit::HtmlReportWriter page(out, {});           // writes the head of the page
//   for (const Record& r : records) page.Add(r);    // one data block per record
//   Status st = page.Finish();                      // the batch index and the script
//
//   // In a parallel batch, the expensive part runs on the workers:
//   emit::HtmlDocumentPart part = emit::RenderHtmlDocument(record, i);   // thread-safe
//   page.Add(std::move(part));                                           // in order i
//
// Layout of the file: the template (pipeline/emit/html_report_template.html, built into
// the binary) with one <script type="application/json" id="doc-N"> block per document
// (its text, tasks, references, with spans as UTF-16 offsets, which is how JavaScript
// indexes strings) and one block "index" holding the batch summary and per-task facets
// for the filters. The page parses a document's block only when it is opened and builds
// its DOM then, so a batch of 500 documents stays fast.
//
// Safety: everything taken from a document reaches the page as JSON inside those
// blocks, with '<', '>', '&', U+2028 and U+2029 escaped (ScriptSafeJson), so no text can
// close the block; the script only ever puts it into the DOM as text nodes. Behind that,
// the page's Content-Security-Policy allows no network and runs only the page's own
// script (by its sha256, computed from the template when the writer starts): any other
// inline script or event handler is refused by the browser.
//
// Thread-safety: RenderHtmlDocument and ScriptSafeJson are reentrant; a writer is used
// from one thread.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "pipeline/common/error.h"
#include "pipeline/extract/record.h"

namespace notices::emit {

struct HtmlReportOptions {
  std::string title;      // shown above the summary; empty: the template's own title
  std::string generator;  // e.g. "notices 0.1.0", shown in the footer
};

// One record, ready to be written: its data block and its entry in the batch index.
struct HtmlDocumentPart {
  std::string block;                   // <script type="application/json" id="doc-N">...</script>
  nlohmann::ordered_json index_entry;  // path, counts, error, per-task facets
};

// `index` is the record's position in the batch (N of "doc-N").
HtmlDocumentPart RenderHtmlDocument(const Record& record, size_t index);

class HtmlReportWriter {
 public:
  // Writes the head of the page to `out` at once. `out` must outlive the writer.
  HtmlReportWriter(std::ostream& out, HtmlReportOptions options);

  // Parts must come in index order 0, 1, 2 ...
  void Add(HtmlDocumentPart part);
  void Add(const Record& record) { Add(RenderHtmlDocument(record, count_)); }

  // Writes the batch index and the rest of the page. Errors: kIo when the stream
  // failed, kInternal when the built-in template lacks its placeholders.
  Status Finish();

 private:
  std::ostream& out_;
  HtmlReportOptions options_;
  nlohmann::ordered_json documents_ = nlohmann::ordered_json::array();
  size_t count_ = 0;
  bool template_ok_ = false;
};

// JSON text that is safe inside <script type="application/json">: '<', '>' and '&'
// become \u003c, \u003e, \u0026 and U+2028/U+2029 become \u2028/\u2029 (these can only
// occur inside JSON strings, so the value is unchanged). Invalid UTF-8 is replaced.
std::string ScriptSafeJson(const nlohmann::ordered_json& value);

// UTF-16 code unit offset of each byte offset of `text` (offsets inside a sequence
// count as the code point that contains them); size text.size() + 1.
std::vector<uint32_t> Utf16Offsets(std::string_view text);

}  // namespace notices::emit
