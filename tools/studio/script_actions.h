#pragma once
// The studio's --script: actions separated by ';', each a verb and its words, driving the
// same paths as the mouse and keys (so an end-to-end test exercises what a designer uses).
// The verbs and what each does are one table, in script_actions.cpp.

#include <string>
#include <vector>

namespace vitrine::studio {

/// The actions of a script, trimmed, empty ones dropped.
std::vector<std::string> splitScript(const std::string& script);

}  // namespace vitrine::studio
