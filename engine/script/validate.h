#pragma once
// Checks a Script against the format: names, nesting, value syntax, references.

#include "diag/diagnostic.h"
#include "script/script.h"
#include "script/vocabulary.h"

namespace vitrine {

/// Reports every unknown element or attribute (with a suggestion), misplaced child,
/// stray text, malformed value, duplicate id and reference to a missing style or
/// region. Never stops at the first problem. Touches no files.
void validateScript(const Script& script, const Vocabulary& vocabulary, Diagnostics& diagnostics);

}  // namespace vitrine
