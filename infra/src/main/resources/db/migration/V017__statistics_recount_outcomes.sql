-- A review that reverses a decision clears the case's outcome until it is decided again, so the recount must not
-- take a decision's outcome from the case: each DECIDED entry counts under the decision recorded with it (the
-- latest decision of the case made by then), as the trigger counted it when it happened. The recount also takes
-- the statistics tables for itself, so that no change counted meanwhile is lost or counted twice (it is a repair
-- for an operator; while it runs, changes elsewhere wait for it).
create or replace function qinglang_statistics_recount(tenant uuid) returns void
    language plpgsql
as $$
declare
    zone text := (select time_zone from tenants where id = tenant);
begin
    lock table statistics_cells, statistics_durations in share row exclusive mode;
    delete from statistics_cells where tenant_id = tenant;
    delete from statistics_durations where tenant_id = tenant;
    create temp table recount_registered on commit drop as
        select case_id, min(occurred_at) as registered_at from case_events
         where tenant_id = tenant and type = 'REGISTERED_BY_STAFF' group by case_id;
    insert into statistics_cells (tenant_id, month, measure, category_code, channel_code, detail, count, total)
    select tenant, date_trunc('month', recorded at time zone zone)::date, measure, category_code, channel_code, detail,
           count(*), sum(amount)
      from (select greatest(e.occurred_at, coalesce(r.registered_at, e.occurred_at)) as recorded,
                   case e.type when 'REFERRED_IN' then 'RECEIVED' else e.type end as measure,
                   c.category_code, c.channel_code,
                   case e.type when 'DECIDED' then coalesce(
                       (select d.outcome from decisions d
                         where d.tenant_id = e.tenant_id and d.case_id = e.case_id and d.decided_at <= e.occurred_at
                         order by d.decided_at desc limit 1), c.outcome, '') else '' end as detail,
                   0::bigint as amount
              from case_events e join cases c on c.tenant_id = e.tenant_id and c.id = e.case_id
              left join recount_registered r on r.case_id = e.case_id
             where e.tenant_id = tenant
               and e.type in ('RECEIVED', 'REFERRED_IN', 'ACCEPTED', 'REJECTED', 'TRANSFERRED', 'MERGED', 'DECIDED',
                              'CLOSED', 'APPEALED', 'REVIEW_UPHELD', 'REVIEW_REVERSED')
            union all
            select greatest(d.completed_at, coalesce(r.registered_at, d.completed_at)),
                   case when d.completed_at <= d.due_at then 'ON_TIME' else 'LATE' end,
                   c.category_code, c.channel_code, d.stage, 0
              from case_deadlines d join cases c on c.tenant_id = d.tenant_id and c.id = d.case_id
              left join recount_registered r on r.case_id = d.case_id
             where d.tenant_id = tenant and d.completed_at is not null and d.stage <> 'APPEAL_WINDOW'
            union all
            select r.paid_at, 'REWARD_PAID', c.category_code, c.channel_code, r.currency, r.amount
              from rewards r join cases c on c.tenant_id = r.tenant_id and c.id = r.case_id
             where r.tenant_id = tenant and r.paid_at is not null) counted
     group by 2, measure, category_code, channel_code, detail;
    insert into statistics_durations (tenant_id, month, measure, hours, count)
    select tenant, date_trunc('month', recorded at time zone zone)::date, measure, hours, count(*)
      from (select greatest(e.occurred_at, coalesce(r.registered_at, e.occurred_at)) as recorded, 'HANDLING' as measure,
                   qinglang_statistics_hours(e.occurred_at - c.received_at) as hours
              from case_events e join cases c on c.tenant_id = e.tenant_id and c.id = e.case_id
              left join recount_registered r on r.case_id = e.case_id
             where e.tenant_id = tenant and e.type = 'CLOSED'
            union all
            select greatest(d.completed_at, coalesce(r.registered_at, d.completed_at)), d.stage,
                   qinglang_statistics_hours(d.completed_at - d.started_at)
              from case_deadlines d
              left join recount_registered r on r.case_id = d.case_id
             where d.tenant_id = tenant and d.completed_at is not null and d.stage <> 'APPEAL_WINDOW') timed
     group by 2, measure, hours;
    drop table recount_registered;
end
$$;
