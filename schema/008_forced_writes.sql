-- Migration 8: money movements recorded against one of the ledger's refusals, because the user
-- said so (`--force NAME --reason TEXT`): a payment above what is left to pay on its invoice
-- (`overpayment`), a refund above what was paid HT for its module less earlier refunds
-- (`overrefund`). The payment or refund row keeps its encoding; the refusal overridden and the
-- reason are a link of the chain of their own, written in the same transaction.
CREATE TABLE forced_write (
  id           INTEGER PRIMARY KEY,
  payment_id   INTEGER REFERENCES payment(id),
  refund_id    INTEGER REFERENCES refund(id),
  refusal      TEXT NOT NULL CHECK (refusal = 'overpayment' OR refusal = 'overrefund'),
  reason       TEXT NOT NULL CHECK (reason <> ''),
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  hash         BLOB NOT NULL,
  CHECK ((payment_id IS NULL) <> (refund_id IS NULL))
);
CREATE UNIQUE INDEX forced_write_payment ON forced_write (payment_id, refusal) WHERE payment_id IS NOT NULL;
CREATE UNIQUE INDEX forced_write_refund ON forced_write (refund_id, refusal) WHERE refund_id IS NOT NULL;
INSERT INTO chained_table VALUES ('forced_write');
CREATE TRIGGER forced_write_no_update BEFORE UPDATE ON forced_write BEGIN SELECT RAISE(ABORT, 'forced_write is append-only: record a correction instead'); END;
CREATE TRIGGER forced_write_no_delete BEFORE DELETE ON forced_write BEGIN SELECT RAISE(ABORT, 'forced_write is append-only: record a correction instead'); END;
