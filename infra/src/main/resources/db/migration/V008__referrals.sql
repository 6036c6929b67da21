-- Referral between bodies on the platform (上级交办、有关部门移送): a case transferred to a body that is itself a
-- tenant is created there. The sending case points at the receiving tenant (and, once delivered, its case); the
-- received case points back. No foreign key crosses tenants: each side is only ever read in its own tenant's scope.

alter table cases
    add column identity_share_consent  boolean     not null default false,
    add column referred_tenant_id      uuid        references tenants (id),
    add column referred_case_id        uuid,
    add column referral_category       varchar(40),
    add column referral_with_identity  boolean     not null default false,
    add column referral_due_date       date,
    add column referral_delivered_at   timestamptz,
    add column referred_from_tenant_id uuid        references tenants (id),
    add column referred_from_case_id   uuid,
    add column referred_from_reference varchar(32);

create index cases_referrals_pending on cases (tenant_id, updated_at)
    where referred_tenant_id is not null and referral_delivered_at is null;
-- a sending case is delivered at most once to its receiving tenant
create unique index cases_referred_from on cases (tenant_id, referred_from_tenant_id, referred_from_case_id)
    where referred_from_case_id is not null;
