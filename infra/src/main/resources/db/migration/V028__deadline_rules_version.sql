-- A tenant's deadline rules (its policies and working calendar) are read on every intake; a node keeps its working
-- calendar while this number stays the same. Any insert, update or delete of the tenant's policies, calendar days or
-- calendar years moves it, in the changing transaction and whoever makes the change, so every node sees the change
-- as soon as it is committed (issue 18).
alter table tenants add column rules_version bigint not null default 0;

create function qinglang_rules_changed() returns trigger
    language plpgsql
as $$
begin
    update tenants set rules_version = rules_version + 1 where id in (select distinct tenant_id from changed);
    return null;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array['deadline_policies', 'calendar_days', 'calendar_years'] loop
        execute format('create trigger %I after insert on %I referencing new table as changed '
                       'for each statement execute function qinglang_rules_changed()', t || '_rules_added', t);
        execute format('create trigger %I after update on %I referencing new table as changed '
                       'for each statement execute function qinglang_rules_changed()', t || '_rules_changed', t);
        execute format('create trigger %I after delete on %I referencing old table as changed '
                       'for each statement execute function qinglang_rules_changed()', t || '_rules_removed', t);
    end loop;
end
$$;
