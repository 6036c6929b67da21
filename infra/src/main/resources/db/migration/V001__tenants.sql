-- The tenant registry (platform data) and the row-level-security machinery every tenant-owned table uses.
-- The application connects as ${app_role}, which owns nothing, is no superuser and cannot bypass RLS.

create table tenants (
    id               uuid primary key,
    slug             varchar(40)  not null unique,
    name_zh          varchar(200) not null,
    name_en          varchar(200) not null,
    time_zone        varchar(64)  not null,
    contact_email    varchar(254) not null,
    contact_phone    varchar(40),
    template         varchar(40)  not null,
    status           varchar(20)  not null check (status in ('ACTIVE', 'SUSPENDED')),
    reference_prefix varchar(8)   not null,
    organization_id  varchar(64),
    wrapped_data_key bytea        not null,
    created_at       timestamptz  not null,
    version          bigint       not null default 0
);

-- The tenant the current transaction works for, set by the platform on every connection it hands out.
-- An unset or empty setting yields NULL, which matches no row: isolation fails closed.
create function qinglang_current_tenant() returns uuid
    language sql stable
as $$ select nullif(current_setting('qinglang.tenant_id', true), '')::uuid $$;

grant select, insert, update on tenants to ${app_role};
grant execute on function qinglang_current_tenant() to ${app_role};
