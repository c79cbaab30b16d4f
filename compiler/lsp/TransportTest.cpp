//===- TransportTest.cpp - Content-Length framing -------------------------===//
#include "Transport.h"

#include <gtest/gtest.h>
#include <sstream>

namespace salesc::lsp {
namespace {

TEST(LspTransport, ReadsMessagesOneAfterAnother) {
  std::istringstream in("Content-Length: 2\r\n\r\n{}"
                        "content-length:  8\r\nContent-Type: application/vscode-jsonrpc\r\n\r\n"
                        "[1,\"é\"]");
  ReadResult a = readMessage(in);
  EXPECT_EQ(a.status, ReadStatus::Message);
  EXPECT_EQ(a.body, "{}");
  ReadResult b = readMessage(in);
  EXPECT_EQ(b.status, ReadStatus::Message);
  EXPECT_EQ(b.body, "[1,\"é\"]"); // the length counts bytes, not characters
  ReadResult end = readMessage(in);
  EXPECT_EQ(end.status, ReadStatus::End);
  EXPECT_EQ(end.problem, "");
}

TEST(LspTransport, BadHeadersAreReportedAndReadingGoesOn) {
  std::istringstream in("Content-Type: x\r\n\r\n"
                        "Content-Length: lots\r\n\r\n"
                        "Content-Length: 99999999999\r\n\r\n"
                        "Content-Length: 4\r\n\r\nnull");
  ReadResult none = readMessage(in);
  EXPECT_EQ(none.status, ReadStatus::BadHeader);
  EXPECT_EQ(none.problem, "a message without a Content-Length header");
  ReadResult lots = readMessage(in);
  EXPECT_EQ(lots.status, ReadStatus::BadHeader);
  EXPECT_EQ(lots.problem, "the header 'Content-Length: lots' does not give a length in bytes");
  ReadResult huge = readMessage(in);
  EXPECT_EQ(huge.status, ReadStatus::BadHeader);
  EXPECT_NE(huge.problem.find("announces more than"), std::string::npos) << huge.problem;
  ReadResult ok = readMessage(in);
  EXPECT_EQ(ok.status, ReadStatus::Message);
  EXPECT_EQ(ok.body, "null");
}

TEST(LspTransport, InputEndingInsideAMessage) {
  std::istringstream body("Content-Length: 10\r\n\r\n{\"a\"");
  ReadResult r = readMessage(body);
  EXPECT_EQ(r.status, ReadStatus::End);
  EXPECT_EQ(r.problem, "the input ended inside a message of 10 bytes");
  std::istringstream header("Content-Len");
  EXPECT_EQ(readMessage(header).status, ReadStatus::End);
}

TEST(LspTransport, WritesFramedMessages) {
  std::string out;
  llvm::raw_string_ostream os(out);
  writeMessage(os, llvm::json::Object{{"a", "é"}});
  EXPECT_EQ(out, "Content-Length: 10\r\n\r\n{\"a\":\"é\"}");
}

} // namespace
} // namespace salesc::lsp
