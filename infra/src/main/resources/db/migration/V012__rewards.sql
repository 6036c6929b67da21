-- Rewards for substantiated reports (举报奖励). Amounts are in minor units of the currency (fen for CNY).
create table reward_rules (
    tenant_id          uuid         not null references tenants (id),
    id                 uuid         not null,
    category_code      varchar(40),
    severity           varchar(20)  check (severity in ('ORDINARY', 'SERIOUS', 'CRITICAL')),
    kind               varchar(20)  not null check (kind in ('FIXED', 'PERCENTAGE')),
    fixed_amount       bigint       check (fixed_amount > 0),
    percent_bp         integer      check (percent_bp between 1 and 10000),
    minimum_amount     bigint       check (minimum_amount >= 0),
    cap_amount         bigint       check (cap_amount > 0),
    currency           char(3)      not null,
    claim_window_days  integer      not null check (claim_window_days between 1 and 3650),
    first_reporter_only boolean     not null default true,
    effective_from     timestamptz  not null,
    retired_at         timestamptz,
    created_by         varchar(255),
    supersedes         uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, category_code) references categories (tenant_id, code),
    check ((kind = 'FIXED' and fixed_amount is not null and percent_bp is null)
        or (kind = 'PERCENTAGE' and percent_bp is not null and fixed_amount is null)),
    check (cap_amount is null or minimum_amount is null or cap_amount >= minimum_amount)
);
create unique index reward_rules_in_force on reward_rules
    (tenant_id, coalesce(category_code, ''), coalesce(severity, '')) where retired_at is null;
select qinglang_isolate_tenant_table('reward_rules');

create table rewards (
    tenant_id         uuid         not null references tenants (id),
    id                uuid         not null,
    case_id           uuid         not null,
    lead_case_id      uuid         not null,
    rule_id           uuid         not null,
    base_amount       bigint       check (base_amount >= 0),
    amount            bigint       not null check (amount >= 0),
    currency          char(3)      not null,
    status            varchar(20)  not null check (status in ('PROPOSED', 'APPROVED', 'DENIED', 'CLAIMED', 'PAID')),
    proposed_by       varchar(255) not null,
    proposed_at       timestamptz  not null,
    decided_by        varchar(255),
    decided_at        timestamptz,
    decision_reason   text,
    claim_until       timestamptz,
    claimed_at        timestamptz,
    sealed_payment    bytea,
    paid_at           timestamptz,
    paid_by           varchar(255),
    payment_reference varchar(200),
    version           bigint       not null default 1,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references cases (tenant_id, id),
    foreign key (tenant_id, lead_case_id) references cases (tenant_id, id),
    foreign key (tenant_id, rule_id) references reward_rules (tenant_id, id)
);
-- no duplicate awards: one reward that was not denied per decided case, and per recipient
create unique index rewards_one_per_decided_case on rewards (tenant_id, lead_case_id) where status <> 'DENIED';
create unique index rewards_one_per_recipient on rewards (tenant_id, case_id) where status <> 'DENIED';
select qinglang_isolate_tenant_table('rewards');
