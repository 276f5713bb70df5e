#pragma once
// The parse of the installation's sections for visitors who need more than the picture:
// <sign-language> (where the inset goes) and <description> (when the audio description plays).

#include <tinyxml2.h>

#include "installation/described_audio.h"
#include "installation/installation_reader.h"
#include "installation/visitor_languages.h"

namespace vitrine::installation {

/// <sign-language corner="bottom-right" size="22%" show="true"/>: the region reserved for
/// the exhibit's sign-language video (visitor_languages.h).
SignLanguageInset readSignLanguage(Reader& r, const tinyxml2::XMLElement& e);

/// <description play="always|on-command|scheduled">; scheduled, its children are the
/// described showings in the <hours> grammar (<open days from to>, <closed date>, <special>).
void readDescription(Reader& r, const tinyxml2::XMLElement& e, DescriptionSettings& description);

}  // namespace vitrine::installation
