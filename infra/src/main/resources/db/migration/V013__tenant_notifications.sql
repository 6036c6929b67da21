-- A notification may concern the tenant as a whole rather than one case (e.g. "add next year's calendar").
alter table notifications alter column case_id drop not null;
