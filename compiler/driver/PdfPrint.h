//===- PdfPrint.h - Report pages printed to PDF by headless Chromium -------===//
//
// `salesc report --pdf` prints each page with the Chromium found on PATH (Debian's
// `chromium`, installed by scripts/install-deps.sh): no Node.js, no library of its own.
// Chromium runs headless with a throwaway profile, waits for the charts to be drawn (a
// virtual-time budget) and prints with the page's print style.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_DRIVER_PDFPRINT_H
#define SALESC_DRIVER_PDFPRINT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace salesc::driver {

/// The Chromium to print with: the first of chromium, chromium-browser, google-chrome and
/// google-chrome-stable on PATH; an error saying how to install one when none is.
llvm::Expected<std::string> findChromium();

/// The bytes of the PDF that `chromium` prints of the HTML file `page` (an absolute path).
/// Fails with Chromium's own words when it fails, prints nothing, or runs over `seconds`.
llvm::Expected<std::string> printToPdf(llvm::StringRef chromium, llvm::StringRef page,
                                       unsigned seconds = 120);

} // namespace salesc::driver

#endif // SALESC_DRIVER_PDFPRINT_H
