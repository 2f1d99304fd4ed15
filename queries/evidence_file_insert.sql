-- Room for an evidence file's bytes, which store/evidence.cpp then writes in chunks.
INSERT INTO evidence_file (convention_id, sha256, size, content) VALUES (?, ?, ?, zeroblob(?));
