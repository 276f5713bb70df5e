#pragma once
// Checks that a script is well-formed XML before TinyXML-2 reads it, for two reasons:
// TinyXML-2 accepts some text that every other XML tool refuses (a bare "&", "<" in an
// attribute value), and its errors name its own internals ("XML_ERROR_MISMATCHED_ELEMENT")
// at column 1, where a designer needs "the <p> opened at line 44 is not closed before
// </text> at line 46" at the mistake.

#include <string>
#include <string_view>

#include "diag/diagnostic.h"

namespace vitrine {

/// Reports the syntax errors of `text` (read from `file`) as "xml-syntax" errors at the
/// line and column of the mistake, with a hint; returns true when there are none. After a
/// mistake in the structure (a tag not closed) it stops, since what follows would only be
/// misread; mistakes in entity references are all reported.
bool checkXmlSyntax(std::string_view text, const std::string& file, Diagnostics& diagnostics);

}  // namespace vitrine
