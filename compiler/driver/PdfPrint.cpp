//===- PdfPrint.cpp - Report pages printed to PDF by headless Chromium -----===//
#include "PdfPrint.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <vector>

namespace salesc::driver {

llvm::Expected<std::string> findChromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"})
    if (llvm::ErrorOr<std::string> path = llvm::sys::findProgramByName(name))
      return *path;
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "--pdf needs Chromium, and none is on PATH (chromium, chromium-browser, google-chrome): "
      "install Debian's chromium package (scripts/install-deps.sh does) or leave out --pdf");
}

namespace {

/// The last few lines of what Chromium said, for an error message.
std::string tail(llvm::StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> log = llvm::MemoryBuffer::getFile(path);
  if (!log)
    return "";
  llvm::StringRef text = (*log)->getBuffer().rtrim();
  size_t from = text.size() > 600 ? text.size() - 600 : 0;
  return text.substr(from).str();
}

} // namespace

llvm::Expected<std::string> printToPdf(llvm::StringRef chromium, llvm::StringRef page,
                                       unsigned seconds) {
  // A folder of its own for the profile, the PDF and Chromium's messages, removed after.
  llvm::SmallString<128> dir;
  if (std::error_code ec = llvm::sys::fs::createUniqueDirectory("salesc-pdf", dir))
    return llvm::createStringError(ec, "cannot create a temporary folder: " + ec.message());
  auto cleanup = llvm::make_scope_exit([&] { llvm::sys::fs::remove_directories(dir); });
  llvm::SmallString<128> pdf(dir), log(dir), profile(dir);
  llvm::sys::path::append(pdf, "page.pdf");
  llvm::sys::path::append(log, "chromium.log");
  llvm::sys::path::append(profile, "profile");
  const std::string url = "file://" + page.str();
  std::vector<std::string> args{
      chromium.str(), "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
      "--disable-extensions", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-default-apps", "--hide-scrollbars",
      // Nothing leaves the machine, whatever a page asked for.
      "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + std::string(profile),
      // Time for the charts to be drawn before the page is printed.
      "--virtual-time-budget=20000", "--run-all-compositor-stages-before-draw",
      "--no-pdf-header-footer", "--print-to-pdf=" + std::string(pdf), url};
  std::vector<llvm::StringRef> argv(args.begin(), args.end());
  llvm::Optional<llvm::StringRef> redirects[] = {llvm::StringRef(""), llvm::StringRef(log),
                                                 llvm::StringRef(log)};
  std::string message;
  bool failed = false;
  int status = llvm::sys::ExecuteAndWait(chromium, argv, llvm::None, redirects, seconds, 0,
                                         &message, &failed);
  auto failure = [&](const std::string& what) {
    std::string said = tail(log);
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "Chromium could not print '" + page.str() + "' to PDF: " + what +
                                       (said.empty() ? "" : "; it said:\n" + said));
  };
  if (failed)
    return failure(message.empty() ? "it could not be run" : message);
  if (status < 0) // killed: by a signal, or after `seconds`
    return failure(message.empty() ? "it stopped after " + std::to_string(seconds) + " seconds"
                                   : message);
  if (status != 0)
    return failure("it exited with status " + std::to_string(status));
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> bytes = llvm::MemoryBuffer::getFile(pdf);
  if (!bytes || !(*bytes)->getBuffer().startswith("%PDF-"))
    return failure("it wrote no PDF");
  return (*bytes)->getBuffer().str();
}

} // namespace salesc::driver
