#include "files/atomic_save.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace vitrine {
namespace {

namespace fs = std::filesystem;

constexpr mode_t kNewFileMode = 0644;

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

bool fails(const SaveFailureInjector& inject, SaveStep step) { return inject && inject(step); }

Error failure(SaveStep step, const fs::path& path, int error) {
    return Error{std::string("cannot save ") + path.string() + ": " + saveStepName(step) + " failed: " +
                 std::strerror(error ? error : EIO)};
}

}  // namespace

const char* saveStepName(SaveStep step) {
    switch (step) {
        case SaveStep::Open: return "open";
        case SaveStep::Write: return "write";
        case SaveStep::Flush: return "flush";
        case SaveStep::Sync: return "fsync";
        case SaveStep::Close: return "close";
        case SaveStep::Rename: return "rename";
        case SaveStep::SyncFolder: return "fsync of the folder";
    }
    return "?";
}

std::optional<Error> saveFileAtomically(const fs::path& path, std::string_view text,
                                        const SaveFailureInjector& inject) {
    // Saving through a symbolic link saves its target: the link stays a link, and the
    // temporary lies beside the file it replaces (rename() is atomic only within one file system).
    std::error_code linkError;
    const bool isLink = fs::symlink_status(path, linkError).type() == fs::file_type::symlink;  // a new file is none
    const fs::path target = isLink ? fs::weakly_canonical(path, linkError) : path;
    if (isLink && linkError) return failure(SaveStep::Open, path, linkError.value());
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    struct stat existing {};
    const mode_t mode = ::stat(target.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : kNewFileMode;

    // A fresh, unpredictable name made with O_CREAT|O_EXCL (mkstemp): a fixed name would let
    // a link planted there redirect the write to any file the designer may write.
    std::string temporaryName = (folder / ("." + target.filename().string() + ".saving-XXXXXX")).string();
    fs::path temporary;
    auto abandon = [&](SaveStep step, int error) {
        std::error_code ignored;
        if (!temporary.empty()) fs::remove(temporary, ignored);
        return failure(step, path, error);
    };

    if (fails(inject, SaveStep::Open)) return abandon(SaveStep::Open, EACCES);
    int fd = ::mkostemp(temporaryName.data(), O_CLOEXEC);
    if (fd < 0) return abandon(SaveStep::Open, errno);
    temporary = temporaryName;
    ::fchmod(fd, mode);  // mkstemp makes it 0600; the saved file keeps the old one's permissions
    FilePtr file(::fdopen(fd, "wb"));
    if (!file) {
        int error = errno;
        ::close(fd);
        return abandon(SaveStep::Open, error);
    }

    if (fails(inject, SaveStep::Write)) {
        std::fwrite(text.data(), 1, text.size() / 2, file.get());
        std::fflush(file.get());
        file.reset();
        return abandon(SaveStep::Write, ENOSPC);
    }
    if (std::fwrite(text.data(), 1, text.size(), file.get()) != text.size()) {
        int error = errno;
        file.reset();
        return abandon(SaveStep::Write, error);
    }
    if (fails(inject, SaveStep::Flush) || std::fflush(file.get()) != 0) {
        int error = errno;
        file.reset();
        return abandon(SaveStep::Flush, error);
    }
    if (fails(inject, SaveStep::Sync) || ::fsync(::fileno(file.get())) != 0) {
        int error = errno;
        file.reset();
        return abandon(SaveStep::Sync, error);
    }
    bool closeFailed = fails(inject, SaveStep::Close);
    if (std::fclose(file.release()) != 0 || closeFailed) return abandon(SaveStep::Close, errno);

    if (fails(inject, SaveStep::Rename) || ::rename(temporary.c_str(), target.c_str()) != 0)
        return abandon(SaveStep::Rename, errno);

    // The rename is durable only once the folder's entry is on disk.
    if (fails(inject, SaveStep::SyncFolder)) return failure(SaveStep::SyncFolder, path, EIO);
    int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        int rc = ::fsync(dir);
        int error = errno;
        ::close(dir);
        if (rc != 0) return failure(SaveStep::SyncFolder, path, error);
    }
    return std::nullopt;
}

}  // namespace vitrine
