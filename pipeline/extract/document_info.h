// DocumentInfo from the segmented header: type, number, issuer, place and date,
// subject, meeting (date and chair), signer and recipients.
//
//   DocumentInfo info = ReadDocumentInfo(text, tree, *rules, deadline_finder, mode);
//   // info.number == "229/TB-VP", info.date == 2026-05 (a draft's blank day) ...
//
// Patterns: segment.number_line, segment.place_date, segment.doc_type (rules/segment.toml),
// document.meeting_opening and document.meeting_chair (rules/document.toml); dates are
// read by DeadlineFinder::FindDates.
#pragma once

#include "pipeline/extract/deadline_finder.h"
#include "pipeline/extract/record.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/ruleset/ruleset.h"
#include "pipeline/segment/segmenter.h"

namespace notices::extract {

DocumentInfo ReadDocumentInfo(const normalize::NormalizedText& text,
                              const segment::DocumentTree& tree, const ruleset::RuleSet& rules,
                              const DeadlineFinder& dates, MatchMode mode);

}  // namespace notices::extract
