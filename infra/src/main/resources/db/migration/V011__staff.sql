-- Staff administration. Accounts, roles and passwords live in Keycloak; what the platform keeps per tenant is
-- its departments, which staff belong to which (for routing), and whom a tenant admin deactivated, so that a
-- deactivated account is refused at once, before its last access token expires.
create table departments (
    tenant_id  uuid         not null references tenants (id),
    code       varchar(40)  not null check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name_zh    varchar(200) not null,
    name_en    varchar(200) not null,
    active     boolean      not null default true,
    version    bigint       not null default 1,
    primary key (tenant_id, code)
);
select qinglang_isolate_tenant_table('departments');

create table staff_profiles (
    tenant_id       uuid         not null references tenants (id),
    user_id         varchar(64)  not null,
    username        varchar(254) not null,
    departments     varchar(2000) not null default '',
    deactivated_at  timestamptz,
    deactivated_by  varchar(254),
    version         bigint       not null default 1,
    primary key (tenant_id, user_id)
);
select qinglang_isolate_tenant_table('staff_profiles');
