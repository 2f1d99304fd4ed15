-- A restricted user's own entries checked against the chain by the server (access_setup.sql):
-- :ids the entries' ids and :encodings their encodings in hex, each joined by commas, in the same
-- order. Returns the first entry that fails, or NULL.
SELECT ledger_links_check(
  string_to_array(:ids, ',')::bigint[],
  (SELECT array_agg(decode(e, 'hex') ORDER BY n) FROM unnest(string_to_array(:encodings, ',')) WITH ORDINALITY AS u(e, n))) AS failed;
