#pragma once
// The dialogs of never losing work: the offer of the edits a studio that closed without
// saving left behind (restore, discard, decide later), and the list of edits a reload could
// not make again. It changes nothing itself: it returns what the designer chose, and the
// studio acts on it (studio_recovery.cpp).

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "studio/recovery_file.h"

namespace vitrine::studio {

/// What the designer chose for the offered edits.
enum class RecoveryChoice { Restore, Discard, Later };

class RecoveryPanel {
public:
    /// The text the document holds for a file of the offer; nullptr when it holds none.
    using HeldText = std::function<const std::string*(const std::filesystem::path&)>;

    /// Draws the offer of `offer` as a modal dialog; the choice, in the frame it is made.
    std::optional<RecoveryChoice> drawOffer(const RecoverySet& offer, const HeldText& heldText);
    /// Draws the edits of `exhibit` that were not made again; true once dismissed.
    bool drawNotReapplied(const std::filesystem::path& exhibit, const std::vector<std::string>& notReapplied);
};

}  // namespace vitrine::studio
