#pragma once
// The parse of one <output>: the projector's place, canvas region, keystone, blend edges
// and power control.

#include <tinyxml2.h>

#include "installation/installation.h"
#include "installation/installation_reader.h"

namespace vitrine::installation {

/// Appends the output one <output> element describes to `inst.outputs`.
void readOutput(Reader& r, const tinyxml2::XMLElement& e, Installation& inst);

}  // namespace vitrine::installation
