-- Contractual minutes of each module of convention :convention (Art. 7), for summary.csv.
SELECT code AS module, minutes FROM module_terms WHERE convention_id = :convention ORDER BY code;
