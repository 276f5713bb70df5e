#pragma once
// The text of a <text> element as the timeline keeps it: paragraphs of runs, each run with
// one set of attributes (bold, italic, language), white space collapsed as a browser does.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "script/script.h"
#include "timeline/show.h"

namespace vitrine {

/// The C locale's white space, without a call per character.
inline bool isAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/// A <p>'s own style (from its style attribute), or none.
using ParagraphStyler = std::function<std::optional<TextStyle>(const ScriptNode& paragraph)>;

/// Appends the paragraphs of `element` to `out`: each <p> is one, with the style `styleOf`
/// gives it (if any), and text outside any <p> makes one more; <b>, <i>, <span lang> and
/// <br> inside become runs.
void collectParagraphs(const ScriptNode& element, std::vector<TextParagraph>& out, const ParagraphStyler& styleOf = {});

/// Appends the runs of `element`'s children to `para`, in these attributes unless the
/// markup changes them.
void appendRuns(const ScriptNode& element, TextParagraph& para, bool bold, bool italic, const std::string& lang);

/// Drops the white space at both ends of `para`.
void trimParagraph(TextParagraph& para);

}  // namespace vitrine
