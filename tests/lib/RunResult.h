//===- RunResult.h - What a run of salesc printed, and its exit status ----===//
#ifndef SALESC_TESTS_RUNRESULT_H
#define SALESC_TESTS_RUNRESULT_H

#include <string>

namespace salesc::testing {

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

} // namespace salesc::testing

#endif // SALESC_TESTS_RUNRESULT_H
