-- A body's exports (issue 17, item 2): asked for with a passphrase (kept sealed under the body's key only until the
-- archive is made), made in the background on any node, and kept as numbered chunks of the encrypted archive until
-- they expire.

create table tenant_exports (
    id                uuid        not null,
    tenant_id         uuid        not null references tenants (id),
    requested_by      text        not null,
    requested_at      timestamptz not null,
    state             text        not null check (state in ('QUEUED', 'MAKING', 'READY', 'FAILED', 'EXPIRED')),
    progress          int         not null default 0 check (progress between 0 and 100),
    step              text,
    sealed_passphrase bytea,
    attempts          int         not null default 0,
    claimed_by        text,
    lease_until       timestamptz,
    ready_at          timestamptz,
    expires_at        timestamptz,
    size_bytes        bigint,
    sha256            text check (sha256 ~ '^[0-9a-f]{64}$'),
    failure           text,
    primary key (tenant_id, id),
    -- the passphrase is gone once the export is made or has failed for good
    check (sealed_passphrase is null or state in ('QUEUED', 'MAKING'))
);
create unique index tenant_exports_one_at_a_time on tenant_exports (tenant_id) where state in ('QUEUED', 'MAKING');
select qinglang_isolate_tenant_table('tenant_exports');

create table tenant_export_chunks (
    tenant_id uuid  not null references tenants (id),
    export_id uuid  not null,
    seq       int   not null check (seq >= 0),
    bytes     bytea not null,
    primary key (tenant_id, export_id, seq),
    foreign key (tenant_id, export_id) references tenant_exports (tenant_id, id) on delete cascade
);
select qinglang_isolate_tenant_table('tenant_export_chunks');
