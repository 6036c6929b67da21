-- Statistics kept up to date as cases change, so that publishing a period reads a few hundred rows whatever
-- the number of cases. Every figure is attributed to the calendar month, in the tenant's time zone, in which
-- the platform recorded it; a closed month therefore never changes.

-- Counts per month, measure, category and channel; detail is the outcome (decided), the stage (on_time,
-- late) or the currency (reward_paid, whose amounts in minor units add up in total).
create table statistics_cells (
    tenant_id     uuid        not null references tenants (id),
    month         date        not null,
    measure       varchar(20) not null,
    category_code varchar(40) not null,
    channel_code  varchar(40) not null,
    detail        varchar(30) not null default '',
    count         bigint      not null,
    total         bigint      not null default 0,
    primary key (tenant_id, month, measure, category_code, channel_code, detail)
);
select qinglang_isolate_tenant_table('statistics_cells');

-- How long things took, as counts per whole hour (capped at 8,784 h, a leap year), for medians:
-- measure 'HANDLING' is receipt to closing, a stage name is that stage's start to completion.
create table statistics_durations (
    tenant_id uuid        not null references tenants (id),
    month     date        not null,
    measure   varchar(20) not null,
    hours     int         not null,
    count     bigint      not null,
    primary key (tenant_id, month, measure, hours)
);
select qinglang_isolate_tenant_table('statistics_durations');

create function qinglang_statistics_month(tenant uuid, at timestamptz) returns date
    language sql stable
as $$ select date_trunc('month', at at time zone (select time_zone from tenants where id = tenant))::date $$;

create function qinglang_statistics_count(tenant uuid, at timestamptz, what text, case_id uuid,
                                          what_detail text, amount bigint) returns void
    language plpgsql
as $$
begin
    insert into statistics_cells as s (tenant_id, month, measure, category_code, channel_code, detail, count, total)
    select tenant, qinglang_statistics_month(tenant, at), what, c.category_code, c.channel_code,
           coalesce(what_detail, ''), 1, amount
      from cases c where c.tenant_id = tenant and c.id = case_id
    on conflict (tenant_id, month, measure, category_code, channel_code, detail)
        do update set count = s.count + 1, total = s.total + excluded.total;
end
$$;

create function qinglang_statistics_hours(took interval) returns int
    language sql immutable
as $$ select least(8784, greatest(0, floor(extract(epoch from took) / 3600)))::int $$;

create function qinglang_statistics_duration(tenant uuid, at timestamptz, what text, took interval) returns void
    language sql
as $$
    insert into statistics_durations as s (tenant_id, month, measure, hours, count)
    values (tenant, qinglang_statistics_month(tenant, at), what, qinglang_statistics_hours(took), 1)
    on conflict (tenant_id, month, measure, hours) do update set count = s.count + 1
$$;

-- Run at commit (deferred), when the case row of the same transaction is in place.
create function qinglang_statistics_on_event() returns trigger
    language plpgsql
as $$
declare
    c record;
begin
    select received_at, outcome into c from cases where tenant_id = new.tenant_id and id = new.case_id;
    perform qinglang_statistics_count(new.tenant_id, new.occurred_at,
            case new.type when 'REFERRED_IN' then 'RECEIVED' else new.type end, new.case_id,
            case new.type when 'DECIDED' then c.outcome end, 0);
    if new.type = 'CLOSED' then
        perform qinglang_statistics_duration(new.tenant_id, new.occurred_at, 'HANDLING', new.occurred_at - c.received_at);
    end if;
    return null;
end
$$;

create constraint trigger statistics_on_event after insert on case_events
    deferrable initially deferred for each row
    when (new.type in ('RECEIVED', 'REFERRED_IN', 'ACCEPTED', 'REJECTED', 'TRANSFERRED', 'MERGED', 'DECIDED',
                       'CLOSED', 'APPEALED', 'REVIEW_UPHELD', 'REVIEW_REVERSED'))
    execute function qinglang_statistics_on_event();

-- A stage counts when it completes: on time if completed by its (possibly extended) due time. The
-- reporter's appeal window is not a handling stage.
create function qinglang_statistics_on_stage() returns trigger
    language plpgsql
as $$
begin
    perform qinglang_statistics_count(new.tenant_id, new.completed_at,
            case when new.completed_at <= new.due_at then 'ON_TIME' else 'LATE' end, new.case_id, new.stage, 0);
    perform qinglang_statistics_duration(new.tenant_id, new.completed_at, new.stage, new.completed_at - new.started_at);
    return null;
end
$$;

create constraint trigger statistics_on_stage after update of completed_at on case_deadlines
    deferrable initially deferred for each row
    when (old.completed_at is null and new.completed_at is not null and new.stage <> 'APPEAL_WINDOW')
    execute function qinglang_statistics_on_stage();

-- a stage started and completed in one transaction (acknowledgement at intake) is written completed
create constraint trigger statistics_on_stage_written_complete after insert on case_deadlines
    deferrable initially deferred for each row
    when (new.completed_at is not null and new.stage <> 'APPEAL_WINDOW')
    execute function qinglang_statistics_on_stage();

create function qinglang_statistics_on_reward() returns trigger
    language plpgsql
as $$
begin
    perform qinglang_statistics_count(new.tenant_id, new.paid_at, 'REWARD_PAID', new.case_id, new.currency, new.amount);
    return null;
end
$$;

create constraint trigger statistics_on_reward after update of paid_at on rewards
    deferrable initially deferred for each row
    when (old.paid_at is null and new.paid_at is not null)
    execute function qinglang_statistics_on_reward();

create constraint trigger statistics_on_reward_written_paid after insert on rewards
    deferrable initially deferred for each row
    when (new.paid_at is not null)
    execute function qinglang_statistics_on_reward();

-- Recounts a tenant's statistics from its cases, by the same rules as the triggers, in one pass; for repairs,
-- for data loaded in bulk with the triggers off, and for checking that the running counts agree.
create function qinglang_statistics_recount(tenant uuid) returns void
    language plpgsql
as $$
declare
    zone text := (select time_zone from tenants where id = tenant);
begin
    delete from statistics_cells where tenant_id = tenant;
    delete from statistics_durations where tenant_id = tenant;
    insert into statistics_cells (tenant_id, month, measure, category_code, channel_code, detail, count, total)
    select tenant, month, measure, category_code, channel_code, detail, count(*), sum(amount)
      from (select date_trunc('month', e.occurred_at at time zone zone)::date as month,
                   case e.type when 'REFERRED_IN' then 'RECEIVED' else e.type end as measure,
                   c.category_code, c.channel_code,
                   case e.type when 'DECIDED' then c.outcome else '' end as detail, 0::bigint as amount
              from case_events e join cases c on c.tenant_id = e.tenant_id and c.id = e.case_id
             where e.tenant_id = tenant
               and e.type in ('RECEIVED', 'REFERRED_IN', 'ACCEPTED', 'REJECTED', 'TRANSFERRED', 'MERGED', 'DECIDED',
                              'CLOSED', 'APPEALED', 'REVIEW_UPHELD', 'REVIEW_REVERSED')
            union all
            select date_trunc('month', d.completed_at at time zone zone)::date,
                   case when d.completed_at <= d.due_at then 'ON_TIME' else 'LATE' end,
                   c.category_code, c.channel_code, d.stage, 0
              from case_deadlines d join cases c on c.tenant_id = d.tenant_id and c.id = d.case_id
             where d.tenant_id = tenant and d.completed_at is not null and d.stage <> 'APPEAL_WINDOW'
            union all
            select date_trunc('month', r.paid_at at time zone zone)::date, 'REWARD_PAID', c.category_code, c.channel_code,
                   r.currency, r.amount
              from rewards r join cases c on c.tenant_id = r.tenant_id and c.id = r.case_id
             where r.tenant_id = tenant and r.paid_at is not null) counted
     group by month, measure, category_code, channel_code, detail;
    insert into statistics_durations (tenant_id, month, measure, hours, count)
    select tenant, month, measure, hours, count(*)
      from (select date_trunc('month', e.occurred_at at time zone zone)::date as month, 'HANDLING' as measure,
                   qinglang_statistics_hours(e.occurred_at - c.received_at) as hours
              from case_events e join cases c on c.tenant_id = e.tenant_id and c.id = e.case_id
             where e.tenant_id = tenant and e.type = 'CLOSED'
            union all
            select date_trunc('month', d.completed_at at time zone zone)::date, d.stage,
                   qinglang_statistics_hours(d.completed_at - d.started_at)
              from case_deadlines d
             where d.tenant_id = tenant and d.completed_at is not null and d.stage <> 'APPEAL_WINDOW') timed
     group by month, measure, hours;
end
$$;
