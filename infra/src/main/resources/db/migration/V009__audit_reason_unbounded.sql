-- Reasons given for case actions may be as long as the action allows (10,000 characters); the audit trail
-- keeps the reason whole rather than failing the action. The chain hashes the text, not the column type,
-- so existing rows still verify.
alter table audit_events alter column reason type text;
