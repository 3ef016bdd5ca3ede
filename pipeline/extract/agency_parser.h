// The grammar of agency mentions, run over a key text (agency_key.h) with the compiled
// vocabulary (agency_vocabulary.h). Internal to the agency finder: AgencyFinder::FindAll
// is the entry point and its header lists what the grammar recognizes.
//
//   agency::KeyText key;
//   agency::BuildKey(text, range, /*folded=*/false, key);
//   std::vector<AgencyMention> out;
//   agency::ParseMentions(vocab, person_pattern, text, key, false, range.end, out);
//
// Thread-safety: reentrant; all state lives in the call.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/extract/agency_finder.h"
#include "pipeline/extract/agency_key.h"
#include "pipeline/extract/agency_vocabulary.h"

namespace notices::extract::agency {

// Appends to `out` the mentions of text[range], whose key is `key` (built with the same
// `folded`); `person` is the rules' agency.person pattern; `range_end` bounds its matches.
void ParseMentions(const Vocabulary& vocab, const ruleset::Pattern& person, std::string_view text,
                   const KeyText& key, bool folded, size_t range_end, std::vector<AgencyMention>& out);

}  // namespace notices::extract::agency
