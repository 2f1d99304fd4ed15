-- The columns of a chained table in declared order (`id` first, `hash` last): the chain writer
-- stores and encodes a row's values in this order.
SELECT name FROM pragma_table_info(:table) ORDER BY cid;
