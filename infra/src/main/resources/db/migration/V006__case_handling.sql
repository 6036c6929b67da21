-- Case handling: who has a case, its severity, triage and decision details, the stage deadlines stored when
-- each stage starts, decisions, extension requests, and the notification outbox.

alter table cases
    add column severity           varchar(20)  not null default 'ORDINARY',
    add column department         varchar(80),
    add column assignee           varchar(255),
    add column first_receiver     varchar(255),
    add column lead_case_id       uuid,
    add column waiting_since      timestamptz,
    add column disposition_reason text,
    add column referred_to        varchar(300),
    add column outcome            varchar(30),
    add column decided_by         varchar(255),
    add column decided_at         timestamptz,
    add column feedback_at        timestamptz,
    add column feedback_impossible_reason text,
    add column closed_at          timestamptz,
    add constraint cases_lead_case foreign key (tenant_id, lead_case_id) references cases (tenant_id, id)
        deferrable initially deferred;
create index cases_by_assignee on cases (tenant_id, assignee);
create index cases_by_lead on cases (tenant_id, lead_case_id) where lead_case_id is not null;

-- Which member of staff made an entry.
alter table case_events add column actor_id varchar(255);

-- One row per stage each time it starts; at most one open row per stage and case.
create table case_deadlines (
    tenant_id                uuid        not null references tenants (id),
    id                       uuid        not null,
    case_id                  uuid        not null,
    stage                    varchar(20) not null,
    started_at               timestamptz not null,
    due_at                   timestamptz not null,
    due_date                 date        not null,
    amount                   int         not null,
    unit                     varchar(20) not null,
    calendar_incomplete      boolean     not null,
    pauses_while_waiting     boolean     not null,
    extension_amount         int         not null,
    extension_unit           varchar(20),
    extension_needs_approval boolean     not null,
    alert_percents           varchar(40) not null,
    alerts_sent              varchar(40) not null default '',
    paused_at                timestamptz,
    extended                 boolean     not null default false,
    completed_at             timestamptz,
    version                  bigint      not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred
);
create unique index case_deadlines_one_open_per_stage on case_deadlines (tenant_id, case_id, stage)
    where completed_at is null;
create index case_deadlines_open_by_due on case_deadlines (tenant_id, due_at) where completed_at is null;

create table decisions (
    tenant_id   uuid         not null references tenants (id),
    id          uuid         not null,
    case_id     uuid         not null,
    outcome     varchar(30)  not null,
    actions     varchar(500) not null,
    legal_basis text         not null,
    reasons     text         not null,
    decided_by  varchar(255) not null,
    decided_at  timestamptz  not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred
);
create index decisions_by_case on decisions (tenant_id, case_id, decided_at);

create table extension_requests (
    tenant_id       uuid         not null references tenants (id),
    id              uuid         not null,
    case_id         uuid         not null,
    deadline_id     uuid         not null,
    stage           varchar(20)  not null,
    reason          text         not null,
    requested_by    varchar(255) not null,
    requested_at    timestamptz  not null,
    status          varchar(20)  not null,
    answered_by     varchar(255),
    answered_at     timestamptz,
    answer_reason   text,
    version         bigint       not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred,
    foreign key (tenant_id, deadline_id) references case_deadlines (tenant_id, id) deferrable initially deferred
);
create unique index extension_requests_one_pending on extension_requests (tenant_id, deadline_id)
    where status = 'PENDING';

-- From here on, every new tenant-owned table is walled off by one call (V004 did the first eleven by hand).
create function qinglang_isolate_tenant_table(t text) returns void language plpgsql as $fn$
begin
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (tenant_id = qinglang_current_tenant()) '
                   'with check (tenant_id = qinglang_current_tenant())', t);
    execute format('grant select, insert, update, delete on %I to ${app_role}', t);
end
$fn$;

select qinglang_isolate_tenant_table('case_deadlines');
select qinglang_isolate_tenant_table('decisions');
select qinglang_isolate_tenant_table('extension_requests');
