-- Each tenant's channels, categories, deadline policies and working calendar.
-- tenant_id leads every primary and foreign key, so the schema can be distributed by tenant later.
-- Foreign keys between tenant-owned tables are checked at commit: the ORM writes rows in class order.

create table channels (
    tenant_id uuid         not null references tenants (id),
    code      varchar(40)  not null,
    name_zh   varchar(200) not null,
    name_en   varchar(200) not null,
    kind      varchar(20)  not null,
    contact   varchar(500),
    active    boolean      not null,
    primary key (tenant_id, code)
);

create table categories (
    tenant_id  uuid         not null references tenants (id),
    code       varchar(40)  not null,
    name_zh    varchar(200) not null,
    name_en    varchar(200) not null,
    urgent     boolean      not null,
    active     boolean      not null,
    sort_order int          not null,
    primary key (tenant_id, code)
);

create table deadline_policies (
    tenant_id                uuid        not null references tenants (id),
    id                       uuid        not null,
    stage                    varchar(20) not null,
    category_code            varchar(40),
    amount                   int         not null check (amount >= 0),
    unit                     varchar(20) not null,
    extension_amount         int         not null default 0,
    extension_unit           varchar(20),
    extension_needs_approval boolean     not null,
    alert_percents           varchar(40) not null,
    pauses_while_waiting     boolean     not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, category_code) references categories (tenant_id, code) deferrable initially deferred
);

create table calendar_days (
    tenant_id uuid         not null references tenants (id),
    day       date         not null,
    kind      varchar(10)  not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name_zh   varchar(100),
    name_en   varchar(100),
    primary key (tenant_id, day)
);

create table calendar_years (
    tenant_id uuid         not null references tenants (id),
    year      int          not null,
    source    varchar(200) not null,
    primary key (tenant_id, year)
);
