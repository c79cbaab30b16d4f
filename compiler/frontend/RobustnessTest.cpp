//===- RobustnessTest.cpp - Mangled input never crashes the front end -----===//
//
// Takes the examples and damages them in deterministic random ways (deleting,
// duplicating or swapping tokens and characters, truncating, inserting stray bytes),
// then compiles each mutant. Nothing may crash or hang, every diagnostic must point
// inside the mutant (or be about a whole file), and a mutant with errors must say so.
//
//===----------------------------------------------------------------------===//
#include "Compilation.h"

#include "diag/Location.h"

#include "llvm/Support/MemoryBuffer.h"

#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>
#include <random>

namespace salesc::frontend {
namespace {

std::string mutate(const std::string& src, std::mt19937& rng) {
  std::string s = src;
  std::uniform_int_distribution<size_t> pos(0, s.empty() ? 0 : s.size() - 1);
  static const char* junk[] = {
      ";",    "{",     "}",  "%",       "\"",      "/*", "//",
      "next", "stage", "0",  "1_",      "_",       "#",  "\xE2\x80\x9C",
      "\t",   "\n",    "to", "typical", "extends", "\\", "999999999999999999999"};
  int edits = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < edits && !s.empty(); ++i) {
    size_t at = pos(rng) % s.size();
    switch (rng() % 5) {
    case 0: // delete a run
      s.erase(at, 1 + rng() % 12);
      break;
    case 1: // insert a token
      s.insert(at, junk[rng() % (sizeof junk / sizeof *junk)]);
      break;
    case 2: // duplicate a run
      s.insert(at, s.substr(at, 1 + rng() % 40));
      break;
    case 3: // truncate
      s.resize(at);
      break;
    default: // swap two characters
      std::swap(s[at], s[pos(rng) % s.size()]);
      break;
    }
  }
  return s;
}

TEST(RobustnessTest, MutatedExamplesNeverCrash) {
  std::vector<std::string> seeds;
  for (const char* f : {"/examples/quickstart.sales", "/examples/saas_multichannel.sales",
                        "/examples/luxury_cars.sales"}) {
    auto buffer = llvm::MemoryBuffer::getFile(std::string(SALESC_SOURCE_DIR) + f);
    ASSERT_TRUE(bool(buffer)) << f;
    seeds.push_back((*buffer)->getBuffer().str());
  }
  std::mt19937 rng(20261126);
  unsigned withErrors = 0;
  const unsigned mutants = 3000;
  for (unsigned i = 0; i < mutants; ++i) {
    std::string text = mutate(seeds[i % seeds.size()], rng);
    if (const char* keep = std::getenv("SALESC_KEEP_MUTANT")) {
      // Debugging aid: the mutant about to be compiled, in case it crashes.
      std::FILE* f = std::fopen(keep, "w");
      std::fwrite(text.data(), 1, text.size(), f);
      std::fclose(f);
    }
    sema::LoadOptions load;
    load.stdlibDir = SALESC_SOURCE_DIR "/stdlib";
    Session session(load, {});
    Unit unit = session.compileText(SALESC_SOURCE_DIR "/examples/mutant.sales", text);
    ASSERT_TRUE(unit.root);
    for (const diag::Diagnostic& d : session.diags().sorted()) {
      if (!d.range.Start.isValid()) {
        EXPECT_FALSE(d.file.empty()) << "a diagnostic with no place and no file: " << d.message;
        continue;
      }
      diag::Location loc = diag::resolve(session.sourceMgr(), d.range.Start);
      ASSERT_GT(loc.line, 0u) << "mutant " << i << ": " << d.message << "\n" << text;
      EXPECT_FALSE(d.message.empty());
      EXPECT_EQ(d.message.find("mismatched input"), std::string::npos) << d.message;
      EXPECT_EQ(d.message.find("<missing"), std::string::npos) << d.message;
    }
    if (session.diags().hasErrors())
      ++withErrors;
    if (unit.syntaxErrors) {
      EXPECT_TRUE(session.diags().hasErrors()) << "mutant " << i << "\n" << text;
    }
  }
  // Most mutants are broken; the test would mean little if they all passed as valid.
  EXPECT_GT(withErrors, mutants / 2);
}

} // namespace
} // namespace salesc::frontend
