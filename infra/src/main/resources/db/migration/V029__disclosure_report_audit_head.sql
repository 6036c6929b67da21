-- Every disclosure report carries its body's audit chain head as it stood when the report was made (issue 18): the
-- latest event's number and hash and when it happened, and when the head was read. Kept with the report, so that the
-- API and the portal show it as of the report's making, and archived unchanged with it. Reports made before have none.
alter table disclosure_reports
    add column audit_head_seq         bigint check (audit_head_seq >= 0),
    add column audit_head_hash        text check (audit_head_hash ~ '^[0-9a-f]{64}$'),
    add column audit_head_occurred_at timestamptz,
    add column audit_head_as_of       timestamptz,
    -- all or nothing; a chain without events (number 0, the genesis hash) has no event time
    add constraint disclosure_reports_audit_head_whole check (
        (audit_head_seq is null) = (audit_head_hash is null)
        and (audit_head_seq is null) = (audit_head_as_of is null)
        and (audit_head_occurred_at is null) = (audit_head_seq is null or audit_head_seq = 0));

-- A ready report's audit head never changes either (V019's trigger keeps its period, version and files).
create function qinglang_disclosure_reports_audit_head_unchanged() returns trigger language plpgsql as $$
begin
    if old.state = 'READY' and (new.audit_head_seq, new.audit_head_hash, new.audit_head_occurred_at, new.audit_head_as_of)
            is distinct from (old.audit_head_seq, old.audit_head_hash, old.audit_head_occurred_at, old.audit_head_as_of) then
        raise exception 'a ready disclosure report is archived unchanged' using errcode = '42501';
    end if;
    return new;
end;
$$;
create trigger disclosure_reports_audit_head_unchanged before update on disclosure_reports
    for each row execute function qinglang_disclosure_reports_audit_head_unchanged();
