-- Retention of closed cases (DESIGN.md "Archive"): each body keeps a case's personal data for its retention period
-- after the case ended, then the purge job erases it and keeps the case's skeleton. A supervisor's legal hold keeps a
-- case whole, whatever its age.

alter table tenants add column retention_months int not null default 24
    constraint tenants_retention_at_least_two_years check (retention_months between 24 and 360);
-- an EU whistleblowing channel's template keeps cases five years; existing bodies on it keep them as long
update tenants set retention_months = 60 where template = 'EU_WHISTLEBLOWING';

alter table cases
    add column legal_hold_reason text,
    add column legal_hold_by     varchar(255),
    add column legal_hold_since  timestamptz,
    add column purged_at         timestamptz,
    add constraint cases_legal_hold_whole check ((legal_hold_since is null) = (legal_hold_reason is null)
        and (legal_hold_since is null) = (legal_hold_by is null));

-- the purge job's search: ended cases not yet purged and not held, oldest end first
create index cases_retention_due on cases (tenant_id, (coalesce(closed_at, updated_at)))
    where purged_at is null and legal_hold_since is null
      and status in ('CLOSED', 'REJECTED', 'TRANSFERRED', 'MERGED');
