#include "installation/installation_check.h"

#include <tinyxml2.h>

#include "diag/json_writer.h"

namespace vitrine::installation {

namespace {

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

bool isInstallationText(std::string_view text) {
    tinyxml2::XMLDocument doc;
    if (doc.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS) return false;
    const auto* root = doc.RootElement();
    return root && std::string_view(root->Name()) == "installation";
}

InstallationCheck checkInstallationFile(const std::filesystem::path& file) {
    InstallationCheck check;
    check.file = file;
    check.installation = loadInstallation(file, check.diagnostics);
    return check;
}

int checkExitCode(const InstallationCheck& check) {
    if (check.diagnostics.hasErrors() || !check.installation) return 2;
    return check.diagnostics.warningCount() > 0 ? 1 : 0;
}

std::string checkSummary(const InstallationCheck& check) {
    std::string s;
    if (const auto& inst = check.installation) {
        s += inst->outputs.empty() ? std::string("one full-screen output") : plural(inst->outputs.size(), "output");
        if (inst->hours.always) {
            s += ", always open";
        } else {
            std::size_t days = 0, openings = 0;
            for (const auto& day : inst->hours.weekly) {
                days += day.empty() ? 0 : 1;
                openings += day.size();
            }
            s += ", open " + plural(days, "day") + " a week (" + plural(openings, "opening") + "), " +
                 plural(inst->hours.exceptions.size(), "dated exception");
        }
        s += "; ";
    } else {
        s += "not usable; ";
    }
    s += plural(static_cast<std::size_t>(check.diagnostics.errorCount()), "error") + ", " +
         plural(static_cast<std::size_t>(check.diagnostics.warningCount()), "warning");
    return s;
}

std::string checkReportText(const InstallationCheck& check) {
    std::string out;
    for (const auto& d : check.diagnostics.all()) out += formatDiagnostic(d) + "\n";
    return out + checkSummary(check) + "\n";
}

std::string checkReportJson(const InstallationCheck& check) {
    std::string out = "{\n  \"file\": " + jsonString(check.file.string()) + ",\n  \"kind\": \"installation\",\n  \"diagnostics\": [";
    bool first = true;
    for (const auto& d : check.diagnostics.all()) {
        out += first ? "\n" : ",\n";
        first = false;
        out += "    " + diagnosticJson(d);
    }
    out += first ? "],\n" : "\n  ],\n";
    out += "  \"summary\": {\"text\": " + jsonString(checkSummary(check)) +
           ", \"errors\": " + std::to_string(check.diagnostics.errorCount()) +
           ", \"warnings\": " + std::to_string(check.diagnostics.warningCount()) + "}\n}\n";
    return out;
}

}  // namespace vitrine::installation
