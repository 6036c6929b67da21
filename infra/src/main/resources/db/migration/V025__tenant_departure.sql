-- A body leaves the platform (issue 17, item 2): the operator closes a suspended body, which is LEAVING until its
-- grace period ends (leaves_at); then its data is deleted, its key shredded, its accounts removed, and it has LEFT
-- (left_at). Its row stays, so its slug is never given to another body and its portal page can say it has left.

alter table tenants drop constraint if exists tenants_status_check;
alter table tenants add constraint tenants_status_check check (status in ('ACTIVE', 'SUSPENDED', 'LEAVING', 'LEFT'));
alter table tenants
    add column leaves_at timestamptz,
    add column left_at   timestamptz,
    add constraint tenants_leaving_has_a_date check ((status = 'LEAVING') = (leaves_at is not null)),
    add constraint tenants_left_has_a_date check ((status = 'LEFT') = (left_at is not null));
