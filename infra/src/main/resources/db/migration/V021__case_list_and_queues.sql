-- The case list and the staff's queues, cheap for a tenant with a million cases, most of them closed long ago:
-- each queue's count reads an index of the open cases (or of what waits for an answer), never every case.

-- the list pages through a tenant's cases in order of receipt, newest or oldest first (keyset on time and id)
create index cases_by_receipt on cases (tenant_id, received_at, id);

-- open cases by state and assignee: "mine" (assignee, open), "unassigned" (no assignee, open), "appeals"; with the
-- id, so that "due soon" and "overdue" join their running stages to the open cases without reading the table
create index cases_open on cases (tenant_id, status, assignee) include (id)
    where status in ('RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'DECIDED', 'APPEALED');

-- cases waiting for the reporter's answer
create index cases_waiting on cases (tenant_id, received_at) where waiting_since is not null;

-- open major cases: urgent, serious or critical
create index cases_major_open on cases (tenant_id, received_at)
    where (urgent or severity in ('SERIOUS', 'CRITICAL'))
      and status in ('RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'DECIDED', 'APPEALED');

-- running staff stages (not paused, not the reporter's appeal window) by due time: "due soon", "overdue"
create index case_deadlines_running on case_deadlines (tenant_id, due_at) include (case_id)
    where completed_at is null and paused_at is null and stage <> 'APPEAL_WINDOW';

-- what waits for a supervisor's answer, by case
create index extension_requests_pending_by_case on extension_requests (tenant_id, case_id) where status = 'PENDING';
create index rewards_awaiting_approval on rewards (tenant_id, lead_case_id) where status = 'PROPOSED';
