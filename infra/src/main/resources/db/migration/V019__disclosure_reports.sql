-- Disclosure reports: one row per version of a tenant's report for a period, from the request (or the schedule)
-- through generation to the stored files. Any node may generate: a queued report is claimed with
-- FOR UPDATE SKIP LOCKED and leased (leases in the database's time, not a node's); a lease that runs out (its node
-- died) lets another node take it again, up to the attempts allowed; a failed attempt waits until not_before.
create table disclosure_reports (
    id            uuid        primary key,
    tenant_id     uuid        not null references tenants (id),
    period        text        not null,
    version       int         not null check (version >= 1),
    origin        text        not null check (origin in ('ON_DEMAND', 'SCHEDULED')),
    requested_by  text,
    requested_at  timestamptz not null,
    state         text        not null check (state in ('QUEUED', 'GENERATING', 'READY', 'FAILED')),
    progress      int         not null default 0 check (progress between 0 and 100),
    step          text,
    attempts      int         not null default 0,
    claimed_by    text,
    lease_until   timestamptz,
    not_before    timestamptz,
    generated_at  timestamptz,
    failure       text,
    published_at  timestamptz,
    unique (tenant_id, period, version),
    unique (tenant_id, id)
);
-- the schedule asks for each period's report once, whichever node asks first (again only if that one failed)
create unique index disclosure_reports_scheduled on disclosure_reports (tenant_id, period)
    where origin = 'SCHEDULED' and state <> 'FAILED';
create index disclosure_reports_waiting on disclosure_reports (tenant_id, requested_at)
    where state in ('QUEUED', 'GENERATING');
select qinglang_isolate_tenant_table('disclosure_reports');

-- The files of a ready report, each with its SHA-256. Written once with the report's completion and never changed.
create table disclosure_documents (
    report_id   uuid        not null,
    tenant_id   uuid        not null references tenants (id),
    edition     text        not null check (edition in ('zh-CN', 'en', 'csv')),
    media_type  text        not null,
    file_name   text        not null,
    content     bytea       not null,
    sha256      text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes  int         not null,
    created_at  timestamptz not null,
    primary key (report_id, edition),
    -- a file belongs to a report of its own tenant (foreign keys are checked past row-level security)
    foreign key (tenant_id, report_id) references disclosure_reports (tenant_id, id)
);
select qinglang_isolate_tenant_table('disclosure_documents');

create function qinglang_disclosure_documents_unchanged() returns trigger language plpgsql as $$
begin
    raise exception 'disclosure documents are archived unchanged: % refused', tg_op using errcode = '42501';
end;
$$;
create trigger disclosure_documents_unchanged before update or delete on disclosure_documents
    for each row execute function qinglang_disclosure_documents_unchanged();

-- A ready report's period, version and files never change; only its publication date may be set, once.
create function qinglang_disclosure_reports_ready_unchanged() returns trigger language plpgsql as $$
begin
    if old.state = 'READY' and (new.state <> old.state or new.period <> old.period or new.version <> old.version
            or new.generated_at is distinct from old.generated_at
            or (old.published_at is not null and new.published_at is distinct from old.published_at)) then
        raise exception 'a ready disclosure report is archived unchanged' using errcode = '42501';
    end if;
    return new;
end;
$$;
create trigger disclosure_reports_ready_unchanged before update on disclosure_reports
    for each row execute function qinglang_disclosure_reports_ready_unchanged();
create trigger disclosure_reports_kept before delete on disclosure_reports
    for each row execute function qinglang_disclosure_documents_unchanged();
