#include "installation/keystone_file.h"

#include <fcntl.h>
#include <unistd.h>
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

std::string systemError(const std::string& what) { return what + ": " + std::strerror(errno); }

}  // namespace

std::optional<std::string> writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
    auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string temp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
    int fd = mkstemp(temp.data());
    if (fd < 0) return systemError("cannot create a temporary file in " + folder.string());
    std::size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            auto e = systemError("cannot write " + temp);
            ::close(fd);
            ::unlink(temp.c_str());
            return e;
        }
        written += static_cast<std::size_t>(n);
    }
    // The data must be on disk before the rename makes it the file people rely on.
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        auto e = systemError("cannot flush " + temp);
        ::unlink(temp.c_str());
        return e;
    }
    // Keep the old file's permissions (a technician may have made it group-writable).
    std::error_code ec;
    auto perms = std::filesystem::status(path, ec).permissions();
    if (!ec) std::filesystem::permissions(temp, perms, ec);
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        auto e = systemError("cannot replace " + path.string());
        ::unlink(temp.c_str());
        return e;
    }
    int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);  // makes the rename itself durable
        ::close(dir);
    }
    return std::nullopt;
}

std::optional<std::string> saveKeystone(const std::filesystem::path& file, std::string_view outputId,
                                        std::size_t outputIndex, const Quad& corners) {
    tinyxml2::XMLDocument doc;
    if (doc.LoadFile(file.c_str()) != tinyxml2::XML_SUCCESS)
        return "cannot read " + file.string() + ": " + (doc.ErrorStr() ? doc.ErrorStr() : "unknown error");
    auto root = doc.RootElement();
    if (!root || std::string_view(root->Name()) != "installation") return file.string() + " is not an installation file";
    tinyxml2::XMLElement* output = nullptr;
    std::size_t index = 0;
    for (auto e = root->FirstChildElement("output"); e; e = e->NextSiblingElement("output"), ++index) {
        const char* id = e->Attribute("id");
        if ((id && outputId == id) || (!id && index == outputIndex)) {
            output = e;
            break;
        }
    }
    if (!output) {
        output = doc.NewElement("output");
        if (!outputId.empty()) output->SetAttribute("id", std::string(outputId).c_str());
        root->InsertFirstChild(output);
    }
    auto keystone = output->FirstChildElement("keystone");
    if (!keystone) keystone = output->InsertNewChildElement("keystone");
    const char* names[4] = {"tl", "tr", "br", "bl"};
    for (int i = 0; i < 4; ++i) keystone->SetAttribute(names[i], formatPoint(corners[i]).c_str());
    tinyxml2::XMLPrinter printer;
    doc.Print(&printer);
    return writeFileAtomically(file, std::string_view(printer.CStr(), static_cast<std::size_t>(printer.CStrSize() - 1)));
}

}  // namespace vitrine::installation
