#pragma once
// The studio's --script: actions separated by ';', each a verb and its words, driving the
// same paths as the mouse and keys (so an end-to-end test exercises what a designer uses).
// The verbs, their arguments, what each does and its help line are one table, in
// script_actions.cpp (StudioApp::scriptActions); --help prints it.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine::studio {

class StudioApp;

/// One verb of --script: what follows it, one line of help, and what it does with the rest
/// of the action's words (false: it could not).
struct ScriptAction {
    std::string_view verb;
    std::string_view arguments;  // "TIME", "scene ID | line N", or empty
    std::string_view help;
    std::function<bool(StudioApp&, const std::string&)> run;
};

/// Every action, one per line with its arguments and help, for --help.
std::string scriptActionsHelp();

/// The actions of a script, trimmed, empty ones dropped.
std::vector<std::string> splitScript(const std::string& script);

}  // namespace vitrine::studio
