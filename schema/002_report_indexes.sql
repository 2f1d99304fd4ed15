-- Migration 2: indexes for the month-end report (reports/*.sql), which reads one convention's
-- half-days then each one's entries, corrections included, and its money movements.
CREATE INDEX attendance_by_session ON attendance (session_id, trainee_id);
CREATE INDEX invoice_by_org ON invoice (org_id, date);
CREATE INDEX refund_by_org ON refund (org_id, module_id, date);
CREATE INDEX funder_receipt_by_funding ON funder_receipt (funding_id, date);
