//===- ChildProcess.cpp - Work that must finish in time, or not at all -----===//
#include "ChildProcess.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <exception>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace salesc::emit {
namespace {

/// Writes all of `data` to `fd`; false when the reader is gone.
bool writeAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

/// The child: runs `work` and writes one status byte ('0' done, '1' failed) and then
/// the result or the message. Never returns.
[[noreturn]] void child(int fd, llvm::function_ref<std::string()> work) {
  char status = '0';
  std::string out;
  try {
    out = work();
  } catch (const std::exception& e) {
    status = '1';
    out = e.what();
  } catch (...) {
    status = '1';
    out = "an unknown error";
  }
  bool ok = writeAll(fd, &status, 1) && writeAll(fd, out.data(), out.size());
  ::close(fd);
  _exit(ok ? 0 : 1); // no atexit handlers, no flushing of the parent's buffered output
}

std::string describe(int status) {
  if (WIFSIGNALED(status))
    return std::string("stopped by signal ") + std::to_string(WTERMSIG(status)) + " (" +
           strsignal(WTERMSIG(status)) + ")";
  return "exited with status " + std::to_string(WEXITSTATUS(status));
}

} // namespace

std::optional<std::string> runWithin(double seconds, llvm::function_ref<std::string()> work) {
  int fds[2];
  if (::pipe(fds) != 0)
    throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
  pid_t pid = ::fork();
  if (pid < 0) {
    int err = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw std::runtime_error(std::string("cannot start a process: ") + std::strerror(err));
  }
  if (pid == 0) {
    ::close(fds[0]);
    child(fds[1], work);
  }
  ::close(fds[1]);

  using Clock = std::chrono::steady_clock;
  const Clock::time_point deadline =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(seconds > 0 ? seconds : 0));
  std::string got;
  bool finished = false, timedOut = false;
  char buffer[1 << 16];
  while (!finished) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      timedOut = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1 << 30)));
    if (ready < 0 && errno == EINTR)
      continue;
    if (ready < 0)
      break;
    if (ready == 0)
      continue; // the deadline is checked at the top
    ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      finished = true; // end of file: the child closed its end
    else
      got.append(buffer, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  if (timedOut)
    ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timedOut)
    return std::nullopt;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || got.empty())
    throw std::runtime_error("the drawing process " + describe(status));
  if (got[0] == '1')
    throw std::runtime_error(got.substr(1));
  return got.substr(1);
}

} // namespace salesc::emit
