// `ledger sign`'s pieces that need no browser: strokes checked and re-written, the SVG kept,
// --listen, tokens and QR codes. The pages themselves: tests/browser/sign.py.
#include <gtest/gtest.h>

#include <set>

#include "app/error.hpp"
#include "domain/signatures.hpp"
#include "sign/server.hpp"

namespace ledger {
namespace {

TEST(Signature, StrokesAreRewrittenCanonically) {
  const Strokes s = parse_strokes(" M1,2 L3 4  L 5 6M7 8L9 10", 20, 20);
  EXPECT_EQ(s.path, "M1 2L3 4L5 6M7 8L9 10");
  EXPECT_EQ(signature_svg(s),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 20 20\"><path d=\"M1 2L3 4L5 6M7 8L9 10\" fill=\"none\" "
            "stroke=\"#000\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>\n");
}

TEST(Signature, AnythingButMovesAndLinesInsideTheCanvasIsRefused) {
  for (const char* bad : {"", "M1 1", "L1 1L2 2", "M1 1L2", "M1 1L30 2", "M1 1L2 2\"/><script>", "M1 1C2 2 3 3 4 4",
                          "M-1 1L2 2", "M1.5 1L2 2", "M123456 1L2 2"})
    EXPECT_THROW(parse_strokes(bad, 20, 20), InputError) << bad;
  EXPECT_THROW(parse_strokes("M1 1L2 2", 0, 20), InputError);
  EXPECT_THROW(parse_strokes("M1 1L2 2", 20, 5000), InputError);
  EXPECT_THROW(parse_strokes("M1 1" + std::string(50000, ' ') + "L2 2", 20, 20), InputError);
}

TEST(Sign, ListenAddress) {
  const auto l = sign::parse_listen("192.168.1.20:8443");
  EXPECT_EQ(l.host, "192.168.1.20");
  EXPECT_EQ(l.port, 8443);
  EXPECT_EQ(sign::parse_listen("127.0.0.1:0").port, 0);
  for (const char* bad : {"", "8443", "localhost:80", "1.2.3:80", "1.2.3.4:", "1.2.3.4:65536", "1.2.3.4:x", "[::1]:80", "192.168.1.300:80", "1.2.3.04x:80"})
    EXPECT_THROW(sign::parse_listen(bad), InputError) << bad;
}

TEST(Sign, TokensAreLongAndFresh) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string t = sign::random_token();
    EXPECT_EQ(t.size(), 48u);  // 192 bits in hex
    EXPECT_EQ(t.find_first_not_of("0123456789abcdef"), std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(Sign, QrCodeIsSquareWithItsQuietZone) {
  const std::string qr = sign::qr_lines("http://127.0.0.1:8080/0123456789abcdef0123456789abcdef0123456789abcdef/");
  std::vector<std::string> lines;
  for (std::size_t start = 0, end; (end = qr.find('\n', start)) != std::string::npos; start = end + 1) lines.push_back(qr.substr(start, end - start));
  ASSERT_GT(lines.size(), 10u);
  // Each character is one module wide and two tall (U+2580, U+2584, U+2588 are 3 bytes in UTF-8);
  // the code is square, with two light modules around it: the first line is all light.
  auto characters = [](const std::string& line) {
    std::size_t n = 0;
    for (const unsigned char c : line) n += (c & 0xC0) != 0x80;
    return n;
  };
  const std::size_t width = characters(lines.front());
  EXPECT_EQ(lines.size(), (width + 1) / 2);
  for (const auto& line : lines) EXPECT_EQ(characters(line), width);
  std::string light;
  for (std::size_t i = 0; i < width; ++i) light += "\u2588";
  EXPECT_EQ(lines.front(), light);
}

}  // namespace
}  // namespace ledger
