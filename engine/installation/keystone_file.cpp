#include "installation/keystone_file.h"

#include "files/atomic_save.h"
#include "files/bounded_read.h"
#include "installation/installation.h"

#include <tinyxml2.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <sstream>

namespace vitrine::installation {

namespace {

// Corners are saved to a tenth of a pixel: finer is below what a projector resolves.
std::string formatPoint(Point p) {
    auto round1 = [](double v) { return std::round(v * 10) / 10; };
    std::ostringstream s;
    s << round1(p.x) << "," << round1(p.y);
    return s.str();
}

// Offset of the first character of 1-based `line` in `text`.
std::size_t lineOffset(const std::string& text, int line) {
    std::size_t at = 0;
    for (int l = 1; l < line && at != std::string::npos; ++l) {
        at = text.find('\n', at);
        if (at != std::string::npos) ++at;
    }
    return at == std::string::npos ? text.size() : at;
}

// The tag `<name ...>` or `<name .../>` that starts on or after `from`: [begin, end).
std::optional<std::pair<std::size_t, std::size_t>> findTag(const std::string& text, const std::string& name,
                                                             std::size_t from) {
    std::size_t begin = from;
    for (;;) {
        begin = text.find("<" + name, begin);
        if (begin == std::string::npos) return std::nullopt;
        char next = begin + name.size() + 1 < text.size() ? text[begin + name.size() + 1] : '>';
        if (next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == '>' || next == '/') break;
        ++begin;
    }
    // Attribute values here never hold '>', so the first one closes the tag.
    std::size_t close = text.find('>', begin);
    if (close == std::string::npos) return std::nullopt;
    return std::make_pair(begin, close + 1);
}

std::string indentOf(const std::string& text, std::size_t at) {
    std::size_t lineStart = text.rfind('\n', at == 0 ? 0 : at - 1);
    lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
    std::size_t end = lineStart;
    while (end < at && (text[end] == ' ' || text[end] == '\t')) ++end;
    return text.substr(lineStart, end - lineStart);
}

const char* const kCornerAttributes[4] = {"tl", "tr", "br", "bl"};

std::string keystoneTag(const Quad& corners) {
    std::string tag = "<keystone";
    for (int i = 0; i < 4; ++i) tag += std::string(" ") + kCornerAttributes[i] + "=\"" + formatPoint(corners[i]) + "\"";
    return tag + "/>";
}

// Sets the corner attributes inside an existing tag, leaving its layout as written.
std::string withCorners(std::string tag, const Quad& corners) {
    for (int i = 0; i < 4; ++i) {
        const std::string value = formatPoint(corners[i]);
        const std::string key = std::string(kCornerAttributes[i]) + "=";
        std::size_t at = 0;
        bool done = false;
        while ((at = tag.find(key, at)) != std::string::npos) {
            char before = at > 0 ? tag[at - 1] : ' ';
            if (before != ' ' && before != '\t' && before != '\n' && before != '\r') {
                at += key.size();
                continue;
            }
            std::size_t quote = at + key.size();
            if (quote >= tag.size() || (tag[quote] != '"' && tag[quote] != '\'')) break;
            std::size_t closing = tag.find(tag[quote], quote + 1);
            if (closing == std::string::npos) break;
            tag.replace(quote + 1, closing - quote - 1, value);
            done = true;
            break;
        }
        if (!done) {
            std::size_t end = tag.size() - (tag.ends_with("/>") ? 2 : 1);
            while (end > 0 && (tag[end - 1] == ' ' || tag[end - 1] == '\t')) --end;
            tag.insert(end, std::string(" ") + kCornerAttributes[i] + "=\"" + value + "\"");
        }
    }
    return tag;
}

// Applies one edit to the file's text, touching only the <keystone> (or adding one).
std::optional<Error> applyEdit(std::string& text, const KeystoneEdit& edit, const std::filesystem::path& file) {
    tinyxml2::XMLDocument doc;
    if (doc.Parse(text.c_str(), text.size()) != tinyxml2::XML_SUCCESS)
        return Error{"cannot read " + file.string() + ": " + (doc.ErrorStr() ? doc.ErrorStr() : "unknown error")};
    auto root = doc.RootElement();
    if (!root || std::string_view(root->Name()) != "installation") return Error{file.string() + " is not an installation file"};
    tinyxml2::XMLElement* output = nullptr;
    std::size_t index = 0;
    for (auto e = root->FirstChildElement("output"); e; e = e->NextSiblingElement("output"), ++index) {
        const char* id = e->Attribute("id");
        if ((id && edit.outputId == id) || (!id && index == edit.outputIndex)) {
            output = e;
            break;
        }
    }
    const Error broken{file.string() + ": the file's layout is not what was expected; not saved"};
    if (output) {
        auto outputTag = findTag(text, "output", lineOffset(text, output->GetLineNum()));
        if (!outputTag) return broken;
        if (auto keystone = output->FirstChildElement("keystone")) {
            auto tag = findTag(text, "keystone", lineOffset(text, keystone->GetLineNum()));
            if (!tag) return broken;
            text.replace(tag->first, tag->second - tag->first,
                         withCorners(text.substr(tag->first, tag->second - tag->first), edit.corners));
            return std::nullopt;
        }
        const std::string indent = indentOf(text, outputTag->first);
        const std::string child = "\n" + indent + "  " + keystoneTag(edit.corners);
        if (text.compare(outputTag->second - 2, 2, "/>") == 0) {
            text.replace(outputTag->second - 2, 2, ">" + child + "\n" + indent + "</output>");
        } else {
            text.insert(outputTag->second, child);
        }
        return std::nullopt;
    }
    // No such output yet: a new one at the top of the file's elements.
    auto rootTag = findTag(text, "installation", lineOffset(text, root->GetLineNum()));
    if (!rootTag) return broken;
    std::string element = "  <output";
    if (!edit.outputId.empty()) element += " id=\"" + edit.outputId + "\"";
    element += ">\n    " + keystoneTag(edit.corners) + "\n  </output>";
    if (text.compare(rootTag->second - 2, 2, "/>") == 0) {
        text.replace(rootTag->second - 2, 2, ">\n" + element + "\n</installation>");
    } else {
        text.insert(rootTag->second, "\n" + element);
    }
    return std::nullopt;
}

}  // namespace

std::optional<Error> saveKeystones(const std::filesystem::path& file, const std::vector<KeystoneEdit>& edits) {
    // The technician's file is edited as text, so its layout, comments and every other
    // element stay exactly as written; only the corner values change.
    // Read as the installation loader reads it (bounded): a file over its limit is refused,
    // never saved cut short.
    std::optional<std::string> read = readFileUpTo(file, kMaxInstallationBytes);
    if (!read) return Error{"cannot read " + file.string() + ": " + std::strerror(errno)};
    if (read->size() > kMaxInstallationBytes)
        return Error{file.string() + ": larger than an installation file may be (" +
               std::to_string(kMaxInstallationBytes >> 20) + " MiB); not saved"};
    std::string text = std::move(*read);
    if (auto error = editKeystones(text, edits, file)) return error;
    return saveFileAtomically(file, text);
}

std::optional<Error> editKeystones(std::string& text, const std::vector<KeystoneEdit>& edits,
                                   const std::filesystem::path& file) {
    for (const auto& edit : edits)
        if (auto error = applyEdit(text, edit, file)) return error;
    tinyxml2::XMLDocument check;
    if (check.Parse(text.c_str(), text.size()) != tinyxml2::XML_SUCCESS)
        return Error{file.string() + ": the edited file would not parse; not saved"};
    return std::nullopt;
}

std::optional<Error> saveKeystone(const std::filesystem::path& file, std::string_view outputId,
                                  std::size_t outputIndex, const Quad& corners) {
    return saveKeystones(file, {KeystoneEdit{std::string(outputId), outputIndex, corners}});
}

}  // namespace vitrine::installation
