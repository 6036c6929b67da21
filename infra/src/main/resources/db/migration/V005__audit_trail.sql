-- The audit trail: append-only, hash-chained per tenant. Each event's hash covers the previous event's
-- hash and its own fields, so changing, removing or reordering any row breaks the chain from there on.
create table audit_events (
    tenant_id    uuid          not null references tenants (id),
    seq          bigint        not null check (seq >= 1),
    occurred_at  timestamptz   not null,
    actor_kind   varchar(20)   not null,
    actor_id     varchar(200),
    action       varchar(60)   not null,
    subject_type varchar(40),
    subject_id   varchar(200),
    reason       varchar(2000),
    details      text,
    prev_hash    bytea         not null,
    hash         bytea         not null,
    primary key (tenant_id, seq)
);

alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy tenant_isolation on audit_events using (tenant_id = qinglang_current_tenant())
    with check (tenant_id = qinglang_current_tenant());

-- Append-only for everyone: the application may only read and add; a trigger refuses changes even to the owner.
grant select, insert on audit_events to ${app_role};

create function audit_events_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'audit events are append-only';
end
$$;

create trigger audit_events_append_only
    before update or delete or truncate on audit_events
    for each statement execute function audit_events_append_only();
