-- The second wall of tenant isolation: every tenant-owned table shows and accepts only the rows of the
-- tenant set on the connection (qinglang_current_tenant()). FORCE applies it to the table owner as well.
do $$
declare
    t text;
begin
    foreach t in array array['channels', 'categories', 'deadline_policies', 'calendar_days', 'calendar_years',
                             'cases', 'case_events', 'evidence', 'evidence_content', 'reference_counters',
                             'idempotency_records']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = qinglang_current_tenant()) '
                       'with check (tenant_id = qinglang_current_tenant())', t);
        execute format('grant select, insert, update, delete on %I to ${app_role}', t);
    end loop;
end
$$;
