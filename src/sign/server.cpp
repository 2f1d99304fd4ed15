#include "sign/server.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <qrencode.h>
#include <arpa/inet.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>

#include "app/error.hpp"
#include "app/resources.hpp"
#include "app/text.hpp"
#include "sign/tls.hpp"

namespace ledger::sign {

namespace {

// A signature's strokes are a few KiB; anything larger is not a request of the pages (413).
constexpr std::size_t kMaxBody = 64 * 1024;
// How long the trainer's page waits for a change before asking again.
constexpr auto kLongPoll = std::chrono::seconds(20);

std::atomic<int> g_signal{0};
extern "C" void on_stop_signal(int signal) { g_signal = signal; }

std::string to_hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

// Equal tokens, compared in constant time so that timing says nothing of the right one.
bool same_token(const std::string& given, const std::string& token) {
  return !token.empty() && given.size() == token.size() && CRYPTO_memcmp(given.data(), token.data(), token.size()) == 0;
}

struct Refused {
  int status;
  std::string why;
};

const char* status_code(Mark::Status s) {
  return s == Mark::Status::late ? "late" : s == Mark::Status::absent ? "absent" : "present";
}

nlohmann::json shown_json(const Shown& s) { return {{"id", s.evidence_id}, {"at", s.signed_at}, {"svg", s.svg}}; }

// The pages' shared state: every change bumps `version`, which the pages wait on.
class OpenSheet {
 public:
  OpenSheet(Sheet sheet, Desk& desk) : sheet_(std::move(sheet)), desk_(desk) {}

  nlohmann::json state(bool trainer, std::int64_t since) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, kLongPoll, [&] { return version_ > since || closed_ || stopping_; });
    nlohmann::json people = nlohmann::json::array();
    for (const auto& p : sheet_.trainees) {
      const auto signature = sheet_.signatures.find(p.code);
      const Mark mark = mark_of(p.code);
      nlohmann::json j = {{"code", p.code}, {"name", p.name}, {"signed", signature != sheet_.signatures.end()},
                          {"absent", mark.status == Mark::Status::absent}};
      // The trainees' page never shows a signature, nor what the trainer marked beyond absence.
      if (trainer) {
        j["status"] = status_code(mark.status);
        j["missed"] = mark.missed;
        j["justified"] = mark.justified;
        if (signature != sheet_.signatures.end()) j["signature"] = shown_json(signature->second);
      }
      people.push_back(std::move(j));
    }
    nlohmann::json out = {{"version", version_}, {"closed", closed_}, {"sheet", sheet_.id}, {"title", sheet_.title},
                          {"minutes", sheet_.minutes}, {"trainees", people}};
    if (trainer && sheet_.trainer) out["trainer"] = shown_json(*sheet_.trainer);
    return out;
  }

  void sign(const std::string& trainee, const nlohmann::json& body) {
    std::lock_guard lock(mutex_);
    open_or_refuse();
    if (!trainee.empty()) {
      if (!person(trainee)) throw Refused{404, ""};
      if (sheet_.signatures.contains(trainee)) throw Refused{409, tr("sign.already_signed")};
      if (mark_of(trainee).status == Mark::Status::absent) throw Refused{409, tr("sign.marked_absent")};
    } else if (sheet_.trainer) {
      throw Refused{409, tr("sign.already_signed")};
    }
    std::string pointer = body.value("pointer", "");
    if (pointer != "pen" && pointer != "touch") pointer = "mouse";
    Shown shown = desk_.sign(trainee, body.value("path", ""), body.value("width", 0), body.value("height", 0), pointer);
    if (trainee.empty()) sheet_.trainer = std::move(shown);
    else sheet_.signatures[trainee] = std::move(shown);
    bump();
  }

  void mark(const nlohmann::json& body) {
    std::lock_guard lock(mutex_);
    open_or_refuse();
    const std::string code = body.value("trainee", "");
    if (!person(code)) throw Refused{400, tr("sign.unknown_trainee")};
    const std::string status = body.value("status", "");
    Mark m;
    m.justified = body.value("justified", false);
    if (status == "late") {
      m.status = Mark::Status::late;
      m.missed = body.value("missed", std::int64_t{0});
      if (m.missed <= 0 || m.missed >= sheet_.minutes)
        throw Refused{400, tr("sign.late_range", fmt::arg("minutes", sheet_.minutes - 1))};
    } else if (status == "absent") {
      m.status = Mark::Status::absent;
      if (sheet_.signatures.contains(code)) throw Refused{409, tr("sign.absent_signed")};
    } else if (status != "present") {
      throw Refused{400, tr("sign.status_values")};
    }
    if (m.status == Mark::Status::present) sheet_.marks.erase(code);
    else sheet_.marks[code] = m;
    bump();
  }

  void reject(const nlohmann::json& body) {
    std::lock_guard lock(mutex_);
    open_or_refuse();
    const std::string code = body.value("trainee", "");
    const auto it = sheet_.signatures.find(code);
    if (it == sheet_.signatures.end()) throw Refused{409, tr("sign.nothing_to_reject")};
    desk_.reject(it->second.evidence_id);
    sheet_.signatures.erase(it);
    bump();
  }

  void close() {
    std::lock_guard lock(mutex_);
    open_or_refuse();
    desk_.close(sheet_);
    closed_ = true;
    bump();
  }

  bool closed() {
    std::lock_guard lock(mutex_);
    return closed_;
  }

  // Lets waiting pages go, so that the server stops at once.
  void stop_waiting() {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    changed_.notify_all();
  }

 private:
  const Person* person(const std::string& code) const {
    for (const auto& p : sheet_.trainees)
      if (p.code == code) return &p;
    return nullptr;
  }
  Mark mark_of(const std::string& code) const {
    const auto it = sheet_.marks.find(code);
    return it == sheet_.marks.end() ? Mark{} : it->second;
  }
  void open_or_refuse() const {
    if (closed_) throw Refused{404, ""};
  }
  void bump() {
    ++version_;
    changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::int64_t version_ = 1;
  bool closed_ = false, stopping_ = false;
  Sheet sheet_;
  Desk& desk_;
};

void answer(httplib::Response& res, int status, const std::string& body, const char* type) {
  res.status = status;
  res.set_content(body, type);
}

// Every answer: nothing cached, no address (with its token) sent on to another site, no framing,
// and only the page's own script, style and requests.
httplib::Headers page_headers() {
  return {{"Cache-Control", "no-store"},
          {"Referrer-Policy", "no-referrer"},
          {"X-Content-Type-Options", "nosniff"},
          {"Content-Security-Policy",
           "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
           "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"}};
}

bool loopback(const std::string& host) { return host == "127.0.0.1"; }

std::string local_address(const Listen& listen) {
  if (listen.host != "0.0.0.0") return listen.host;
  char name[256] = {};
  return ::gethostname(name, sizeof name - 1) == 0 ? std::string(name) : listen.host;
}

}  // namespace

std::string random_token() {
  unsigned char bytes[24];  // 192 bits
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("RAND_bytes failed");
  return to_hex(bytes, sizeof bytes);
}

std::string qr_lines(const std::string& text) {
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!code) throw std::runtime_error("QRcode_encodeString failed");
  const int w = code->width, quiet = 2, size = w + 2 * quiet;
  auto dark = [&](int x, int y) {
    x -= quiet;
    y -= quiet;
    return x >= 0 && y >= 0 && x < w && y < w && (code->data[y * w + x] & 1) != 0;
  };
  // Light modules drawn, dark ones left blank, as `qrencode -t UTF8` does for dark terminals.
  std::string out;
  for (int y = 0; y < size; y += 2) {
    for (int x = 0; x < size; ++x) {
      const bool top = !dark(x, y), bottom = y + 1 < size && !dark(x, y + 1);
      out += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
    }
    out += '\n';
  }
  return out;
}

Listen parse_listen(const std::string& text) {
  const auto colon = text.rfind(':');
  Listen l;
  auto bad = [&] { return InputError::flag("--listen", text, tr("sign.listen_syntax")); };
  if (colon == std::string::npos) throw bad();
  l.host = text.substr(0, colon);
  const std::string port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) throw bad();
  l.port = std::stoi(port);
  in_addr address{};
  if (l.port > 65535 || ::inet_pton(AF_INET, l.host.c_str(), &address) != 1) throw bad();
  return l;
}

Ending serve(const Listen& listen, Sheet sheet, Desk& desk, std::ostream& out) {
  std::unique_ptr<httplib::Server> server;
  std::string fingerprint;
  const bool https = !loopback(listen.host);
  Certificate certificate;
  if (https) {
    certificate = make_certificate(local_address(listen));
    fingerprint = certificate.fingerprint;
    server = std::make_unique<httplib::SSLServer>(certificate.x509.get(), certificate.key.get());
  } else {
    server = std::make_unique<httplib::Server>();
  }
  httplib::Server& svr = *server;
  svr.set_payload_max_length(kMaxBody);
  svr.set_read_timeout(5, 0);
  // Answers are small and written in two parts (headers, body): without TCP_NODELAY, Nagle's
  // algorithm holds the body until the browser's delayed ACK, up to 40 ms per answer.
  svr.set_tcp_nodelay(true);
  // An idle connection is let go soon: stopping the server waits for them.
  svr.set_keep_alive_timeout(1);
  svr.set_default_headers(page_headers());
  // No error handler: an unknown path, a bad request or a body too large gets its status and an
  // empty body from the library; a refusal of the pages keeps the reason they show.

  const std::string trainees_token = random_token(), trainer_token = random_token();
  OpenSheet state(std::move(sheet), desk);
  std::atomic<bool> done{false};

  // `/TOKEN/NAME`: the page of the token, or 404 — the same 404 for a wrong token as for a path
  // that does not exist, so a request without the right token learns nothing.
  auto page_of = [&](const httplib::Request& req) -> std::optional<bool> {
    if (done) return std::nullopt;
    const std::string token = req.matches[1];
    if (same_token(token, trainer_token)) return true;
    if (same_token(token, trainees_token)) return false;
    return std::nullopt;
  };
  svr.Get(R"(/([0-9a-f]{1,64})/(|trainees\.html|sign\.js|sign\.css|state))", [&](const httplib::Request& req, httplib::Response& res) {
    const auto trainer = page_of(req);
    if (!trainer) return answer(res, 404, "", "text/plain");
    const std::string name = req.matches[2];
    if (name.empty()) return answer(res, 200, std::string(resource(*trainer ? "web/trainer.html" : "web/trainees.html")), "text/html; charset=utf-8");
    if (name == "sign.js") return answer(res, 200, std::string(resource("web/sign.js")), "text/javascript; charset=utf-8");
    if (name == "sign.css") return answer(res, 200, std::string(resource("web/sign.css")), "text/css; charset=utf-8");
    if (name == "state") {
      std::int64_t since = 0;
      if (req.has_param("v")) {
        const std::string v = req.get_param_value("v");
        if (v.size() < 19 && !v.empty() && v.find_first_not_of("0123456789") == std::string::npos) since = std::stoll(v);
      }
      return answer(res, 200, state.state(*trainer, since).dump(), "application/json");
    }
    answer(res, 404, "", "text/plain");
  });
  svr.Post(R"(/([0-9a-f]{1,64})/(sign|mark|reject|close))", [&](const httplib::Request& req, httplib::Response& res) {
    const auto trainer = page_of(req);
    if (!trainer) return answer(res, 404, "", "text/plain");
    const std::string action = req.matches[2];
    if (!*trainer && action != "sign") return answer(res, 404, "", "text/plain");
    // A JSON body only: a form from another site cannot send one without the browser asking first.
    if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) return answer(res, 415, "", "text/plain");
    const auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (!body.is_object()) return answer(res, 400, nlohmann::json{{"error", tr("sign.bad_request")}}.dump(), "application/json");
    try {
      if (action == "sign") state.sign(*trainer ? "" : body.value("trainee", ""), body);
      else if (action == "mark") state.mark(body);
      else if (action == "reject") state.reject(body);
      else state.close();
    } catch (const Refused& r) {
      return answer(res, r.status, r.why.empty() ? "" : nlohmann::json{{"error", r.why}}.dump(), "application/json");
    } catch (const nlohmann::json::exception&) {
      return answer(res, 400, nlohmann::json{{"error", tr("sign.bad_request")}}.dump(), "application/json");
    } catch (const InputError& e) {
      return answer(res, 400, nlohmann::json{{"error", e.problems().front().why}}.dump(), "application/json");
    }
    answer(res, 200, "{}", "application/json");
  });

  const int port = listen.port == 0 ? svr.bind_to_any_port(listen.host) : (svr.bind_to_port(listen.host, listen.port) ? listen.port : -1);
  if (port <= 0) throw InputError::flag("--listen", listen.host + ":" + std::to_string(listen.port), tr("sign.cannot_listen"));
  const std::string base = std::string(https ? "https://" : "http://") + local_address(listen) + ":" + std::to_string(port) + "/";
  const std::string trainees_url = base + trainees_token + "/", trainer_url = base + trainer_token + "/";
  out << tr("sign.trainees_page") << '\n' << qr_lines(trainees_url) << trainees_url << "\n\n";
  out << tr("sign.trainer_page") << '\n' << qr_lines(trainer_url) << trainer_url << "\n\n";
  if (https) out << tr("sign.fingerprint", fmt::arg("fingerprint", fingerprint)) << '\n';
  out << tr("sign.serving") << std::endl;

  g_signal = 0;
  struct sigaction action {}, previous[2];
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, &previous[0]);
  ::sigaction(SIGTERM, &action, &previous[1]);
  // Stops the server once closed (after the closing answer went out) or on a signal.
  std::thread watcher([&] {
    while (!state.closed() && g_signal == 0 && !done) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    done = true;
    state.stop_waiting();
    if (state.closed()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    svr.stop();
  });
  svr.listen_after_bind();
  done = true;  // the server may also have stopped on its own (a failed accept)
  watcher.join();
  ::sigaction(SIGINT, &previous[0], nullptr);
  ::sigaction(SIGTERM, &previous[1], nullptr);
  return state.closed() ? Ending::closed : Ending::interrupted;
}

}  // namespace ledger::sign
