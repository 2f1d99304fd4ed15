// The web pages of `ledger sign`: one half-day's sheet served to a tablet or phone. Only this
// layer sees the HTTP library; what the pages change is done by the caller's Desk (the ledger).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>



namespace ledger::sign {

struct Person {
  std::string code, name;
};

// A signature as the pages show it.
struct Shown {
  std::int64_t evidence_id = 0;
  std::string signed_at;  // UTC, ISO 8601
  std::string svg;
};

// What the trainer says of a trainee; present (in full) unless marked.
struct Mark {
  enum class Status { present, late, absent } status = Status::present;
  std::int64_t missed = 0;  // late: minutes missed (late arrival or early departure)
  bool justified = false;
};

struct Sheet {
  std::string id, title;  // title: module, date and slot, for people
  std::int64_t minutes = 0;
  std::vector<Person> trainees;
  std::map<std::string, Shown> signatures;  // by trainee code: given before (an interrupted `sign`)
  std::optional<Shown> trainer;
  std::map<std::string, Mark> marks;
};

// What the ledger does for the pages. Each call may refuse with InputError (its reason is shown).
class Desk {
 public:
  virtual ~Desk() = default;
  // `trainee` empty: the trainer signs. `pointer` is pen, touch or mouse.
  virtual Shown sign(const std::string& trainee, const std::string& path, int width, int height, const std::string& pointer) = 0;
  virtual void reject(std::int64_t evidence_id) = 0;
  // Records the half-day's entries (one transaction); the pages are then closed.
  virtual void close(const Sheet& sheet) = 0;
};

struct Listen {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port
};
// `ADDR:PORT` (an IPv4 address; port 0 to 65535); InputError on --listen otherwise.
Listen parse_listen(const std::string& text);

enum class Ending { closed, interrupted };

// Prints the two pages' addresses with their QR codes (and, off 127.0.0.1, the fingerprint of
// the certificate generated for HTTPS), then serves until the trainer closes the sheet or a
// SIGINT or SIGTERM comes.
Ending serve(const Listen& listen, Sheet sheet, Desk& desk, std::ostream& out);

// For tests: the QR code of `text` as terminal lines (two modules per character), and a token.
std::string qr_lines(const std::string& text);
std::string random_token();

}  // namespace ledger::sign
