#pragma once
// The technician's file: where and when an exhibit plays (displays, keystone, blending,
// opening hours, the wall-clock anchor, languages, volume, control ports). The exhibit
// says what is shown; this file never does (DESIGN.md, principle 7).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "installation/blend.h"
#include "installation/described_audio.h"
#include "installation/keystone.h"
#include "installation/opening_hours.h"
#include "installation/visitor_languages.h"
#include "installation/visitor_page_settings.h"

namespace vitrine::installation {

/// A rectangle in whole pixels.
struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;
    friend bool operator==(const PixelRect&, const PixelRect&) = default;
};

/// How an output's projector or display is switched with the opening hours.
enum class PowerProtocol { Pjlink, Cec };

/// <power> in an <output>: PJLink class 1 over TCP for a projector, HDMI-CEC (through
/// cec-client) for a display; on `warmUpMicros` before each opening, off at closing.
struct PowerControl {
    PowerProtocol protocol = PowerProtocol::Pjlink;
    std::string host;           // PJLink: the projector's address
    int port = 4352;            // PJLink's port
    std::string password;       // PJLink: "" when the projector asks none
    std::string cecDevice = "0";// CEC: the logical address (0 is the TV)
    std::string cecAdapter;     // CEC: e.g. /dev/ttyACM0; "" = the first found
    std::int64_t warmUpMicros = 60'000'000;
    SourceLocation where;       // the <power> element, for messages
};

/// One projector: which part of the canvas it shows, where in the player's window, and
/// how its image is corrected.
/// The id of the one output a file with no <output> plays on: the whole display found.
inline constexpr const char* kWholeDisplayOutputId = "main";

struct Output {
    std::string id;
    int display = 0;                 // the projector's index on the machine (xrandr order), for people
    int width = 1920, height = 1080; // the projector's resolution
    // No resolution given: when it is the only output, it is the whole display found (the
    // canvas letterboxed in it, output::WarpOutput), whatever that display's size.
    bool sizedByDisplay = false;
    int positionX = 0, positionY = 0;// where its image starts inside the player's window
    std::optional<PixelRect> canvas; // the part of the exhibit canvas it shows; nullopt = all
    std::optional<Quad> keystone;    // where the region's corners land, in output pixels; nullopt = none
    Blend blend;
    double blackLevel = 0;           // 0..1 lift outside the blend zones
    std::optional<PowerControl> power;  // nullopt: its power is not the player's to switch
    SourceLocation where;            // the <output> element, for messages and saving
};

/// How the content advisory is treated at this site.
enum class AdvisoryPolicy {
    EveryLoop,  // as the exhibit is written: the advisory opens every loop
    OnOpening,  // the first loop after opening also starts at the advisory (not just mid-show)
};

/// Where the status/command API listens.
struct ControlSettings {
    int httpPort = 0;                  // 0 = no HTTP server
    int oscPort = 0;                   // 0 = no OSC server
    std::string bindAddress = "127.0.0.1";
    std::string token;                 // required when bindAddress is not loopback
};

/// Where scene starts are recorded (proof of play), and how the file is rotated.
struct ProofOfPlaySettings {
    std::filesystem::path file;
    std::uintmax_t maxBytes = 1 << 20;
    int keep = 10;
};

/// Everything in installation.xml, with defaults for what it leaves out.
struct Installation {
    std::filesystem::path file;
    std::vector<Output> outputs;        // empty = one full-screen output of the whole canvas
    OpeningHours hours;                 // always open when the file has no <hours>
    std::optional<std::int64_t> startEpoch;  // Unix µs anchoring the show to the wall clock
    std::vector<std::string> languages;         // audio/text languages, preferred first
    std::vector<std::string> captionLanguages;  // caption languages, preferred first
    LanguageMode languageMode = LanguageMode::All;  // <languages show>: all, one, both or alternating
    std::optional<SignLanguageInset> signLanguage;  // <sign-language>; nullopt: no inset
    double volume = 1.0;                // 0..1 master volume
    AdvisoryPolicy advisory = AdvisoryPolicy::EveryLoop;
    // <motion reduced="true">: for visitors whom motion makes ill, the show is compiled
    // without motion (CompileOptions::reducedMotion): pan-zooms still, slides and flights
    // as fades and cuts, credits a page at a time.
    bool reducedMotion = false;
    DescriptionSettings description;  // <description play="…">: when the audio description plays
    ControlSettings control;
    std::optional<ProofOfPlaySettings> proofOfPlay;  // nullopt = no record
    std::optional<VisitorPageSettings> visitorPage;  // nullopt = no page for visitors' phones
    /// What was wrong with the file when the player read it, one line each, for /status
    /// (the player plays on with defaults where the file could not be used).
    std::vector<std::string> problems;
};

/// Every error and warning in `diagnostics` as "file:line:col: error: message" lines.
std::vector<std::string> problemLines(const Diagnostics& diagnostics);

/// Parses installation XML as if read from `fileName`. Problems are collected in
/// `diagnostics` (file:line:col); returns nullopt only when the XML cannot be used at all.
std::optional<Installation> parseInstallation(std::string_view text, const std::filesystem::path& fileName,
                                              Diagnostics& diagnostics);

/// The largest installation file read: a site's is a few kilobytes.
inline constexpr std::size_t kMaxInstallationBytes = std::size_t{1} << 20;

/// Reads and parses `file` (refused, as an error, when larger than kMaxInstallationBytes).
std::optional<Installation> loadInstallation(const std::filesystem::path& file, Diagnostics& diagnostics);

/// Whether `address` is a loopback address (127.x.x.x, ::1, localhost).
bool isLoopback(std::string_view address);

}  // namespace vitrine::installation
