#!/usr/bin/env python3
"""`ledger sign` end to end: headless Chromium (selenium) signs a half-day, then the entries, the
evidence, `verify`, the sheet and the auditor bundle are checked; the security cases are refused
with nothing written; Ctrl-C records no entry but keeps the signatures; off 127.0.0.1 the pages
are served over HTTPS with the printed fingerprint.

    python3 tests/browser/sign.py LEDGER REPO_ROOT

Prints the round trip of each signature (submit on the trainees' page -> shown on the trainer's
page, both pages in their own Chromium on this machine)."""
import atexit
import hashlib
import http.client
import json
import os
import re
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

LEDGER = os.path.realpath(sys.argv[1])
ROOT = os.path.realpath(sys.argv[2])
WORK = tempfile.mkdtemp(prefix="ledger-sign-")
ENV = dict(os.environ, LEDGER_NOW="2026-10-05T08:00:00Z", LEDGER_USER="tester", LEDGER_DB=os.path.join(WORK, "s.db"),
           TZ="UTC", LC_ALL="C.UTF-8")
DAY = ["--module", "PREMSS", "--date", "2026-10-05"]
failures = []
started = []  # the `ledger sign` processes, stopped if the test ends early
atexit.register(lambda: [p.kill() for p in started if p.poll() is None])


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def ledger(*args, rc=0):
    p = subprocess.run([LEDGER, *args], env=ENV, cwd=WORK, capture_output=True, text=True, timeout=60)
    if rc is not None and p.returncode != rc:
        raise SystemExit(f"ledger {' '.join(args)}: exit {p.returncode}\n{p.stdout}{p.stderr}")
    return p


def head():
    return re.search(r"tête de chaîne ([0-9a-f]{64})", ledger("verify").stdout).group(1)


def start_sign(*extra):
    p = subprocess.Popen([LEDGER, "sign", *DAY, *extra], env=ENV, cwd=WORK, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    started.append(p)
    urls, lines = [], []
    for line in p.stdout:
        lines.append(line)
        if re.match(r"^https?://\S+/$", line.strip()):
            urls.append(line.strip())
        if line.startswith("En attente"):
            break
    if len(urls) != 2:
        raise SystemExit("ledger sign printed no addresses:\n" + "".join(lines) + p.stderr.read())
    return p, urls[0], urls[1], "".join(lines)


def request(url, method="GET", body=None, content_type="application/json"):
    """(status, body) of one request; None when the connection is refused."""
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, ConnectionError):
        return None, b""


def raw_get(url, path):
    """A request for `path` exactly as written (no normalisation of `..`)."""
    m = re.match(r"http://([^:/]+):(\d+)/", url)
    c = http.client.HTTPConnection(m.group(1), int(m.group(2)), timeout=10)
    c.request("GET", path)
    r = c.getresponse()
    return r.status, r.read()


def browser():
    o = webdriver.ChromeOptions()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1000,1000"]:
        o.add_argument(a)
    o.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=o)


def draw(driver, canvas, seed):
    a = ActionChains(driver)
    a.move_to_element_with_offset(canvas, -150 + seed * 10, 0).click_and_hold()
    for dx, dy in [(20, -20), (20, 30), (25, -25), (30, 20), (15, -10)]:
        a.move_by_offset(dx, dy)
    a.release().perform()


ledger("init")
ledger("convention", "import", os.path.join(ROOT, "tests/golden/files/audit-convention.toml"))
ledger("trainee", "add", "--id", "T03", "--last-name", "Martin", "--first-name", "Zoé")
ledger("trainee", "add", "--id", "T04", "--last-name", "Petit", "--first-name", "Hugo")
for slot in ["am", "pm"]:
    ledger("session", "plan", *DAY, "--slot", slot, "--start", "09:00" if slot == "am" else "13:30",
           "--end", "12:30" if slot == "am" else "17:00", "--trainer", "Bruno Petit")

# --- Refused before serving: not the half-day's date, bad --listen.
check(ledger("sign", "--module", "PREMSS", "--date", "2026-10-06", "--slot", "am", rc=None).returncode == 2, "not on the half-day's date: exit 2")
check(ledger("sign", *DAY, "--slot", "am", "--listen", "localhost", rc=None).returncode == 2, "--listen without a port: exit 2")

# --- Ctrl-C: no entry, the signature given stays; a new `sign` shows it as given.
proc, trainees_url, trainer_url, _ = start_sign("--slot", "pm")
status, _ = request(trainees_url + "sign", "POST", {"trainee": "T01", "path": "M10 10L50 40L90 20", "width": 300, "height": 120, "pointer": "pen"})
check(status == 200, "pm: T01 signs through the API")
proc.send_signal(signal.SIGINT)
rc = proc.wait(timeout=10)
err = proc.stderr.read()
check(rc == 130 and "aucune présence n'a été enregistrée" in err, f"Ctrl-C: exit 130 and says no entry was recorded (exit {rc})")
history = ledger("attend", "history", "--format", "csv").stdout
check(",pm," not in history and "2026-10-05" not in history, "Ctrl-C: no attendance entry")
proofs = ledger("proof", "list", "--format", "csv").stdout
check(proofs.count(",svg,") == 1, "Ctrl-C: the signature given stays as evidence")
proc, trainees_url, trainer_url, _ = start_sign("--slot", "pm")
state = json.loads(request(trainees_url + "state")[1])
check([t["signed"] for t in state["trainees"]] == [True, False, False, False], "a new `sign` shows the signature given before")
proc.send_signal(signal.SIGTERM)
check(proc.wait(timeout=10) == 130, "SIGTERM: exit 130")

# --- Off 127.0.0.1: HTTPS only, with the fingerprint printed.
proc, trainees_url, trainer_url, printed = start_sign("--slot", "pm", "--listen", "127.0.0.2:0")
check(trainees_url.startswith("https://127.0.0.2:") and trainer_url.startswith("https://127.0.0.2:"), "off 127.0.0.1: https addresses")
fingerprint = re.search(r"SHA-256\s: ([0-9A-F:]{95})", printed)
port = int(re.search(r":(\d+)/", trainees_url).group(1))
der = ssl.get_server_certificate(("127.0.0.2", port))
der = ssl.PEM_cert_to_DER_cert(der)
served = ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())
check(fingerprint is not None and fingerprint.group(1) == served, "the certificate served has the fingerprint printed")
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
with urllib.request.urlopen(trainees_url + "state", context=ctx, timeout=10) as r:
    check(r.status == 200, "the pages answer over HTTPS")
plain = request(trainees_url.replace("https://", "http://") + "state")[0]
check(plain != 200, f"no page over plain HTTP off 127.0.0.1 ({plain})")
proc.send_signal(signal.SIGINT)
proc.wait(timeout=10)

# --- The morning in two browsers.
proc, trainees_url, trainer_url, _ = start_sign("--slot", "am")
base = re.match(r"(http://[^/]+/)", trainees_url).group(1)
token = trainees_url[len(base):-1]
trainees_page, trainer_page = browser(), browser()
try:
    trainer_page.get(trainer_url)
    trainees_page.get(trainees_url)
    wait_trainer, wait_trainees = WebDriverWait(trainer_page, 10), WebDriverWait(trainees_page, 10)
    wait_trainer.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#trainees tbody tr")) == 4)
    round_trips = []
    for n, code in enumerate(["T01", "T02", "T03"]):
        button = wait_trainees.until(lambda d: d.find_element(By.CSS_SELECTOR, f'#list button[data-code="{code}"]'))
        button.click()
        canvas = trainees_page.find_element(By.ID, "canvas")
        wait_trainees.until(lambda d: canvas.is_displayed())
        draw(trainees_page, canvas, n)
        trainees_page.find_element(By.ID, "submit").click()
        row = f'#trainees tr[data-code="{code}"][data-signed="yes"]'
        wait_trainer.until(lambda d: d.find_elements(By.CSS_SELECTOR, row))
        shown = int(trainer_page.find_element(By.CSS_SELECTOR, row).get_attribute("data-shown-at"))
        submitted = trainees_page.execute_script("return window.lastSubmitAt")
        round_trips.append(shown - submitted)
        wait_trainees.until(lambda d: "Merci" in d.find_element(By.ID, "message").text)
    print("round trip, submit -> trainer's page shows it (ms):", round_trips, "median", statistics.median(round_trips))
    check(max(round_trips) < 1000, "every signature reached the trainer's page within a second")
    check(trainees_page.find_elements(By.CSS_SELECTOR, "svg") == [], "the trainees' page shows no signature")
    svg = trainer_page.find_element(By.CSS_SELECTOR, '#trainees tr[data-code="T02"] td.signature svg path').get_attribute("d")
    check(re.fullmatch(r"M\d+ \d+(L\d+ \d+)+", svg) is not None, "the trainer's page shows the strokes as SVG path data")

    # T02 late by 30 minutes.
    row = trainer_page.find_element(By.CSS_SELECTOR, '#trainees tr[data-code="T02"]')
    Select(row.find_element(By.TAG_NAME, "select")).select_by_value("late")
    minutes = row.find_element(By.CSS_SELECTOR, "input[type=number]")
    minutes.send_keys("30")
    row.find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()  # blur: the change is sent
    def t02():
        return [t for t in json.loads(request(trainer_url + "state")[1])["trainees"] if t["code"] == "T02"][0]
    WebDriverWait(trainer_page, 10).until(lambda d: t02()["missed"] == 30 and t02()["justified"] is True)

    # Security, while the sheet is open: each refused, nothing written.
    before = head()
    strokes = {"trainee": "T04", "path": "M1 1L9 9", "width": 100, "height": 100}
    cases = [
        ("wrong token", request(base + "0" * len(token) + "/"), 404),
        ("wrong token, trainer's action", request(base + "0" * len(token) + "/close", "POST", {}), 404),
        ("missing token", request(base), 404),
        ("missing token, sign", request(base + "sign", "POST", strokes), 404),
        ("a trainee signing twice", request(trainees_url + "sign", "POST", dict(strokes, trainee="T01")), 409),
        ("oversized body", request(trainees_url + "sign", "POST", dict(strokes, path="M1 1" + "L9 9" * 40000)), 413),
        ("GET that tries to write", request(trainees_url + "sign?trainee=T04&path=M1%201L9%209&width=100&height=100"), 404),
        ("GET that tries to close", request(trainer_url + "close"), 404),
        ("trainees' page closing", request(trainees_url + "close", "POST", {}), 404),
        ("trainees' page marking", request(trainees_url + "mark", "POST", {"trainee": "T04", "status": "absent"}), 404),
        ("a form post", request(trainees_url + "sign", "POST", b"trainee=T04&path=M1+1L9+9", "application/x-www-form-urlencoded"), 415),
        ("markup as strokes", request(trainees_url + "sign", "POST", dict(strokes, path='M1 1"/><script>alert(1)</script>')), 400),
        ("path outside the pages", raw_get(base, "/" + token + "/../../../etc/passwd"), 404),
        ("a file of the ledger", raw_get(base, "/" + token + "/web/sign.js"), 404),
        ("the database", raw_get(base, "/s.db"), 404),
    ]
    for what, (status, body), expected in cases:
        check(status == expected and (expected != 404 or body == b""), f"{what}: {status} (expected {expected})")
    check("déjà donnée" in json.loads(request(trainees_url + "sign", "POST", dict(strokes, trainee="T01"))[1])["error"],
          "a refusal says why, for the page to show")
    check(head() == before, "the refused requests wrote nothing")

    # The trainer signs and closes.
    pad = trainer_page.find_element(By.ID, "canvas")
    draw(trainer_page, pad, 0)
    trainer_page.find_element(By.ID, "submit").click()
    wait_trainer.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#trainer-signature svg"))
    trainer_page.find_element(By.ID, "close").click()
    rc = proc.wait(timeout=10)
    out = proc.stdout.read()
    check(rc == 0 and re.search(r"enregistré\s: PREMSS, 5 octobre 2026 matin", out) is not None and "4 présents, 0 absent" in out, f"closed: exit {rc}, entries recorded")
finally:
    trainees_page.quit()
    trainer_page.quit()

# Replay after close: nothing answers, and the half-day cannot be served again.
before = head()
check(request(trainer_url + "close", "POST", {})[0] is None and request(trainees_url + "sign", "POST", strokes)[0] is None,
      "replayed tokens after close: nothing answers")
check(ledger("sign", *DAY, "--slot", "am", rc=None).returncode == 2, "a closed half-day is not served again: exit 2")
check(head() == before, "nothing written after close")

# --- What the ledger holds.
rows = {r.split(",")[4]: r.split(",") for r in ledger("attend", "history", "--format", "csv").stdout.splitlines()[1:]}
header = ledger("attend", "history", "--format", "csv").stdout.splitlines()[0].split(",")
col = {name: i for i, name in enumerate(header)}
def entry(code, name):
    return rows[code][col[name]]
check(all(entry(c, "minutes") == "210" for c in ["T01", "T03", "T04"]) and entry("T02", "minutes") == "180", "minutes: 210, 180 late, 210, 210")
check(entry("T02", "absence") == "justified", "T02 late, justified")
check([entry(c, "trainee_signed") for c in ["T01", "T02", "T03", "T04"]] == ["true", "true", "true", "false"], "signed: T01 T02 T03; T04 did not")
check(all(entry(c, "trainer_signed") == "true" for c in rows), "trainer signed every entry")
proofs = [p for p in ledger("proof", "list", "--format", "csv").stdout.splitlines() if ",svg," in p and ",am," in p]
check(len(proofs) == 4, f"4 signatures held as evidence for the morning ({len(proofs)})")
verify = ledger("verify").stdout
check("intègre" in verify and "5 pièces justificatives relues" in verify, "verify: chain intact, 5 signatures rehashed")
sheet = ledger("sheet", *DAY, "--slot", "am").stdout
check(sheet.count("<svg") == 4 and sheet.count("05/10/2026 08:00:00 UTC") == 4, "the sheet shows 4 signatures with their times")
check("<script" not in sheet, "no script in the sheet")
ledger("export", "proofs", "--out", "bundle")
bundle = os.path.join(WORK, "bundle")
sums = subprocess.run(["sha256sum", "-c", "MANIFEST.sha256"], cwd=bundle, capture_output=True, text=True)
svgs = [f for f in os.listdir(os.path.join(bundle, "evidence")) if f.endswith(".svg")]
check(sums.returncode == 0 and len(svgs) == 5, f"the bundle's {len(svgs)} signatures pass sha256sum -c")

if failures:
    print(f"{len(failures)} failed; work directory kept: {WORK}")
    sys.exit(1)
subprocess.run(["rm", "-rf", WORK])
print("all passed")
