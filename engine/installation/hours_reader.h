#pragma once
// The parse of <hours>: weekly openings, closed dates and special hours.

#include <tinyxml2.h>

#include "installation/installation_reader.h"
#include "installation/opening_hours.h"

namespace vitrine::installation {

/// Adds the openings of one <hours> element to `hours` (a second <hours> adds to the first).
void readHours(Reader& r, const tinyxml2::XMLElement& hoursElement, OpeningHours& hours);

}  // namespace vitrine::installation
