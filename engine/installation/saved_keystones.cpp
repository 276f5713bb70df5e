#include "installation/saved_keystones.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include "files/atomic_save.h"

namespace vitrine::installation {

namespace {

// What a new saved-corners file starts as: an installation file with only outputs, so
// the installation reader and the keystone editor serve it unchanged.
constexpr const char* kNewSavedKeystones =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- Keystone corners saved by calibration (vitrine play --calibrate). They replace the\n"
    "     installation file's own corners for outputs of the same id. Delete this file to\n"
    "     go back to the installation file's corners. -->\n"
    "<installation>\n"
    "</installation>\n";

bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code error;
    return std::filesystem::equivalent(a, b, error);
}

}  // namespace

std::filesystem::path keystoneSaveFile(const std::filesystem::path& installationFile,
                                       const EnvironmentLookup& environment,
                                       const std::function<bool(const std::filesystem::path&)>& writable) {
    auto variable = [&](const char* name) -> std::string {
        const char* value = environment(name);
        return value ? value : "";
    };
    // systemd joins the folders of StateDirectory= with ':' in the order the unit lists them.
    if (std::string state = variable("STATE_DIRECTORY"); !state.empty())
        return std::filesystem::path(state.substr(0, state.find(':'))) / kSavedKeystonesName;
    if (writable(installationFile)) return installationFile;
    if (std::string xdg = variable("XDG_STATE_HOME"); !xdg.empty())
        return std::filesystem::path(xdg) / "vitrine" / kSavedKeystonesName;
    if (std::string home = variable("HOME"); !home.empty())
        return std::filesystem::path(home) / ".local" / "state" / "vitrine" / kSavedKeystonesName;
    return installationFile;
}

std::filesystem::path keystoneSaveFile(const std::filesystem::path& installationFile) {
    return keystoneSaveFile(
        installationFile, [](const char* name) { return std::getenv(name); },
        [](const std::filesystem::path& file) { return ::access(file.c_str(), W_OK) == 0; });
}

std::optional<Error> saveCalibration(const std::filesystem::path& file, const std::vector<KeystoneEdit>& edits) {
    std::error_code error;
    if (std::filesystem::exists(file, error)) return saveKeystones(file, edits);
    if (file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), error);
        if (error) return Error{"cannot create the folder " + file.parent_path().string() + ": " + error.message()};
    }
    std::string text = kNewSavedKeystones;
    if (auto problem = editKeystones(text, edits, file)) return problem;
    return saveFileAtomically(file, text);
}

void applySavedKeystones(Installation& inst, const std::filesystem::path& file, Diagnostics& diagnostics) {
    std::error_code error;
    if (file.empty() || !std::filesystem::exists(file, error) || sameFile(file, inst.file)) return;
    Diagnostics problems;
    auto saved = loadInstallation(file, problems);
    diagnostics.append(problems);
    if (!saved || problems.hasErrors()) return;
    for (const auto& s : saved->outputs) {
        if (!s.keystone) continue;
        // A file with no <output> plays on one implicit output that fills the display, and
        // calibration saves its corners under that output's id: without making that output
        // here, they were dropped as "unknown" at the next start.
        if (inst.outputs.empty() && s.id == kWholeDisplayOutputId) {
            Output whole;
            whole.id = kWholeDisplayOutputId;
            whole.sizedByDisplay = true;
            whole.keystone = s.keystone;
            inst.outputs.push_back(whole);
            continue;
        }
        bool applied = false;
        for (auto& o : inst.outputs) {
            if (o.id != s.id) continue;
            o.keystone = s.keystone;
            applied = true;
        }
        if (!applied)
            diagnostics.warning(s.where, "unknown-output",
                                "no output '" + s.id + "' in " + inst.file.string() + "; these saved corners are ignored",
                                "delete this output here, or give the output in the installation file this id");
    }
}

}  // namespace vitrine::installation
