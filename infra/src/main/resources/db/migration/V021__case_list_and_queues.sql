-- The case list and the staff's queues, cheap for a tenant with a million cases, most of them closed long ago.

-- the list pages through a tenant's cases in order of receipt, newest or oldest first (keyset on time and id)
create index cases_by_receipt on cases (tenant_id, received_at, id);

-- open cases by state and assignee: "mine" (assignee, open), "unassigned" (no assignee, open), "appeals"
create index cases_open on cases (tenant_id, status, assignee)
    where status in ('RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'DECIDED', 'APPEALED');

-- cases waiting for the reporter's answer
create index cases_waiting on cases (tenant_id, received_at) where waiting_since is not null;

-- major cases: urgent, serious or critical
create index cases_major on cases (tenant_id, received_at) where urgent or severity in ('SERIOUS', 'CRITICAL');

-- extension requests awaiting a supervisor's answer, by case
create index extension_requests_pending_by_case on extension_requests (tenant_id, case_id) where status = 'PENDING';
