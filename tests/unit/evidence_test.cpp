// Evidence files: their type recognised from the content, whatever the name and however the bytes
// arrive; stored once per convention, rehashed by verify.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/error.hpp"
#include "cli/audit.hpp"
#include "cli/proof.hpp"
#include "domain/evidence.hpp"
#include "fixture.hpp"

namespace ledger::testing {
namespace {

namespace fs = std::filesystem;

// The type of `bytes` fed in chunks of `chunk` bytes.
std::optional<std::string> detect(std::string_view bytes, std::size_t chunk = 1 << 16) {
  TypeDetector d;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) d.add(bytes.substr(at, chunk));
  return d.finish();
}

std::string zip_with(const std::string& entry) {
  // A local file header: signature, 22 bytes of fields, name length, extra length, then the name.
  std::string h("PK\x03\x04", 4);
  h += std::string(22, '\0');
  h += static_cast<char>(entry.size());
  h += std::string(3, '\0');
  return h + entry + "<x/>";
}

TEST(EvidenceType, ScansByTheirMagicNumbers) {
  EXPECT_EQ(detect("%PDF-1.7\n%\xE2\xE3\xCF\xD3\nbody"), "pdf");
  EXPECT_EQ(detect(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "png");
  EXPECT_EQ(detect("\xFF\xD8\xFF\xE0\0\x10JFIF"), "jpeg");
  EXPECT_EQ(detect(std::string("II*\0\x08\0\0\0", 8)), "tiff");
  EXPECT_EQ(detect(std::string("MM\0*\0\0\0\x08", 8)), "tiff");
}

TEST(EvidenceType, XlsxIsAZipWithAnXlEntryFoundAcrossChunks) {
  const std::string xlsx = zip_with("[Content_Types].xml") + zip_with("xl/workbook.xml");
  EXPECT_EQ(detect(xlsx), "xlsx");
  for (std::size_t chunk : {1, 3, 7, 31}) EXPECT_EQ(detect(xlsx, chunk), "xlsx") << chunk;
  EXPECT_EQ(detect(zip_with("word/document.xml")), std::nullopt);  // a .docx is refused
}

TEST(EvidenceType, TextFilesByTheirShape) {
  EXPECT_EQ(detect("trainee,minutes\nT01,180\n"), "csv");
  EXPECT_EQ(detect("\xEF\xBB\xBFstagiaire;minutes\r\nT01;180\r\n"), "csv");
  EXPECT_EQ(detect("trainee\tminutes\nT01\t180\n"), "tsv");
  EXPECT_EQ(detect("  {\"learners\": [1, 2]}\n"), "json");
  EXPECT_EQ(detect("[1, 2]"), "json");
  EXPECT_EQ(detect("Connexions de T01 : 3 h\nTerminé, bravo.\n"), "txt");  // one comma, not on each line
  EXPECT_EQ(detect("Journal de la plateforme – élève T01\n"), "txt");
  // UTF-8 cut between two chunks is still text.
  EXPECT_EQ(detect("é,à\nè,ù\n", 1), "csv");
}

TEST(EvidenceType, AnythingElseIsRefused) {
  EXPECT_EQ(detect(""), std::nullopt);
  EXPECT_EQ(detect("GIF89a\x01\x00"), std::nullopt);
  EXPECT_EQ(detect(std::string("a,b\n\0\n", 6)), std::nullopt);   // a NUL byte
  EXPECT_EQ(detect("caf\xE9,b\n"), std::nullopt);                   // Latin-1, not UTF-8
  EXPECT_EQ(detect("a,b\n\xC3"), std::nullopt);                     // cut in a character
  EXPECT_EQ(detect("\x1b[31mred\x1b[0m\n"), std::nullopt);          // escapes
  EXPECT_EQ(detect("MZ\x90\0"), std::nullopt);                      // a program
}

struct Evidence : LedgerFixture {
  fs::path dir = fs::temp_directory_path() / ("ledger-evidence-" + std::to_string(::getpid()));
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
    import(template_toml());
    plan("PREMSS", "2026-10-05", "am", 210);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return (dir / name).string();
  }
  int attach(const std::string& file) {
    ProofAttachOptions o;
    o.file = file, o.module = "PREMSS", o.date = "2026-10-05", o.slot = "am";
    return run_proof_attach(*ledger, clock, out, o);
  }
};

TEST_F(Evidence, TheSameBytesAreStoredOncePerConventionWhateverTheirName) {
  const std::string pdf = "%PDF-1.4\nune feuille\n%%EOF\n";
  EXPECT_EQ(attach(write("a.pdf", pdf)), 0);
  ProofAttachOptions o;
  o.file = write("b.bin", pdf), o.module = "PREMSS", o.trainee = sql_text("SELECT min(code) FROM trainee");
  EXPECT_EQ(run_proof_attach(*ledger, clock, out, o), 0);
  EXPECT_EQ(count("evidence"), 2);
  EXPECT_EQ(count("evidence_file"), 1);
  EXPECT_EQ(sql_rows("SELECT type FROM evidence ORDER BY id"), "pdf,pdf");
  // The same file on the same half-day again is refused.
  EXPECT_THROW(attach(write("c.pdf", pdf)), InputError);
  std::ostringstream said;
  EXPECT_EQ(run_verify(*ledger, said, {}), 0) << said.str();
}

TEST_F(Evidence, EmptyUnknownAndTooLargeFilesWriteNothing) {
  EXPECT_THROW(attach(write("vide.pdf", "")), InputError);
  EXPECT_THROW(attach(write("image.pdf", "GIF89a\x01\x00")), InputError);
  const std::string big = (dir / "gros.pdf").string();
  write("gros.pdf", "%PDF-1.4\n");
  fs::resize_file(big, static_cast<std::uintmax_t>(kEvidenceMaxBytes) + 1);
  EXPECT_THROW(attach(big), InputError);
  EXPECT_EQ(count("evidence"), 0);
  EXPECT_EQ(count("evidence_file"), 0);
}

TEST_F(Evidence, VerifyRehashesTheStoredBytes) {
  ASSERT_EQ(attach(write("a.pdf", "%PDF-1.4\nune feuille\n%%EOF\n")), 0);
  // Rewritten behind the ledger's back, triggers dropped: the chain is intact, the bytes are not.
  const bool pg = ledger->on_postgres();
  sql_exec(pg ? "DROP TRIGGER evidence_file_no_update ON evidence_file" : "DROP TRIGGER evidence_file_no_update");
  sql_exec(std::string("UPDATE evidence_file SET content = CAST('%PDF-1.4\nune autre feuille\n%%EOF\n' AS ") + (pg ? "bytea)" : "BLOB)"));
  std::ostringstream said;
  EXPECT_EQ(run_verify(*ledger, said, {}), 1);
  EXPECT_NE(said.str().find("ne correspond plus"), std::string::npos) << said.str();
}

}  // namespace
}  // namespace ledger::testing
