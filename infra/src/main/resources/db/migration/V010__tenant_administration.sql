-- Tenant administration: what an admin configures beyond the onboarding template.

-- Channels: public details shown to reporters (hours of a hotline or desk, a description); a version for
-- optimistic locking of concurrent edits.
alter table channels
    add column hours          varchar(200),
    add column description_zh varchar(2000),
    add column description_en varchar(2000),
    add column version        bigint not null default 1;
alter table channels drop constraint if exists channels_kind_check;
alter table channels add constraint channels_kind_check
    check (kind in ('WEB', 'APP', 'API', 'HOTLINE', 'EMAIL', 'POST', 'IN_PERSON', 'TRANSFER_IN'));

-- Categories form a tree; a retired category (active = false) keeps its cases and its statistics.
alter table categories
    add column parent_code      varchar(40),
    add column description_zh   varchar(2000),
    add column description_en   varchar(2000),
    add column default_severity varchar(20) not null default 'ORDINARY'
        check (default_severity in ('ORDINARY', 'SERIOUS', 'CRITICAL')),
    add column legal_basis      varchar(2000),
    add column version          bigint not null default 1,
    add constraint categories_parent_fk foreign key (tenant_id, parent_code)
        references categories (tenant_id, code) deferrable initially deferred,
    add constraint categories_not_own_parent check (parent_code is null or parent_code <> code);

-- Deadline policies are versioned: a change retires the policy it replaces and adds a new one, so the
-- rules a case's clock started under stay readable. Only one policy is in force per stage/category/severity.
alter table deadline_policies
    add column severity       varchar(20) check (severity in ('ORDINARY', 'SERIOUS', 'CRITICAL')),
    add column published      boolean     not null default true,
    add column effective_from timestamptz not null default now(),
    add column retired_at     timestamptz,
    add column created_by     varchar(255),
    add column supersedes     uuid,
    add constraint deadline_policies_amount_positive check (amount > 0 or unit = 'HOURS'),
    add constraint deadline_policies_extension_nonnegative check (extension_amount >= 0);
create unique index deadline_policies_in_force on deadline_policies
    (tenant_id, stage, coalesce(category_code, ''), coalesce(severity, '')) where retired_at is null;

-- The weekly pattern of rest days, beside the tenant's time zone.
alter table tenants add column rest_days varchar(80) not null default 'SATURDAY,SUNDAY';

-- What the tenant publishes, its small-cell threshold and report periods, and its branding on the portal.
create table disclosure_settings (
    tenant_id           uuid         not null references tenants (id),
    id                  smallint     not null default 1 check (id = 1),
    public_statistics   varchar(400) not null,
    small_cell_k        int          not null check (small_cell_k >= 5),
    report_periods      varchar(80)  not null,
    display_name_zh     varchar(200),
    display_name_en     varchar(200),
    logo                bytea,
    logo_content_type   varchar(40),
    version             bigint       not null default 1,
    primary key (tenant_id, id)
);
select qinglang_isolate_tenant_table('disclosure_settings');
