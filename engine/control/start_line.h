#pragma once
// The journal's first line about a show: what plays, where and when, so a technician
// reading `journalctl -u vitrine` sees at once how the player was started.

#include <string>

#include "installation/installation.h"

namespace vitrine::control {

/// The program's version (the project's, compiled into start_line.cpp alone).
const char* programVersion();

/// "vitrine 0.1.0: playing "Title" (exhibit.xml) with /etc/vitrine/installation.xml;
/// outputs: …; hours: …; `openNow`" — `openNow` as words ("open until …", "closed, next
/// opening …").
std::string startLine(const std::string& exhibitTitle, const std::string& exhibitFile,
                      const installation::Installation& installation, const std::string& openNow);

}  // namespace vitrine::control
