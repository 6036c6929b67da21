-- Escalation alerts and the notification outbox.

-- When a stage's next alert threshold falls due (null: none left, paused, completed, or the reporter's own
-- appeal window). The escalation job claims rows by it with FOR UPDATE SKIP LOCKED.
alter table case_deadlines add column next_alert_at timestamptz;
update case_deadlines
   set next_alert_at = started_at + (due_at - started_at) * split_part(alert_percents, ',', 1)::int / 100
 where completed_at is null and paused_at is null and alert_percents <> '' and stage <> 'APPEAL_WINDOW';
create index case_deadlines_next_alert on case_deadlines (tenant_id, next_alert_at) where next_alert_at is not null;

-- Notifications written in the same transaction as what caused them and sent afterwards by the dispatcher,
-- which claims them with FOR UPDATE SKIP LOCKED, so several nodes never send one twice. Recipients are
-- resolved when sending: staff through the identity provider, the reporter from their sealed contact.
create table notifications (
    tenant_id       uuid         not null references tenants (id),
    id              uuid         not null,
    case_id         uuid         not null,
    kind            varchar(40)  not null,
    audience        varchar(30)  not null,
    assignee        varchar(255),
    sealed_contact  bytea,
    subject         varchar(300) not null,
    body            text         not null,
    created_at      timestamptz  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz,
    sent_at         timestamptz,
    recipients      int          not null default 0,
    last_error      varchar(500),
    version         bigint       not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred
);
create index notifications_pending on notifications (tenant_id, next_attempt_at)
    where sent_at is null and next_attempt_at is not null;

select qinglang_isolate_tenant_table('notifications');

-- Years a tenant's admins were warned about: a deadline fell in a year the calendar has no holidays for.
create table calendar_warnings (
    tenant_id uuid        not null references tenants (id),
    year      int         not null,
    warned_at timestamptz not null,
    primary key (tenant_id, year)
);
select qinglang_isolate_tenant_table('calendar_warnings');
