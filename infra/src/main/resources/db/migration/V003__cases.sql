-- Cases, their timelines and evidence, reference counters and idempotency records.

create table cases (
    tenant_id           uuid         not null references tenants (id),
    id                  uuid         not null,
    reference           varchar(32)  not null,
    channel_code        varchar(40)  not null,
    category_code       varchar(40)  not null,
    subject_type        varchar(20)  not null,
    subject_value       varchar(2000) not null,
    description         text         not null,
    anonymity           varchar(20)  not null,
    status              varchar(20)  not null,
    urgent              boolean      not null,
    received_at         timestamptz  not null,
    acknowledge_due_at  timestamptz  not null,
    calendar_incomplete boolean      not null,
    receipt_hash        bytea        not null,
    claim_secret_hash   bytea        not null,
    sealed_identity     bytea,
    sealed_contact      bytea,
    updated_at          timestamptz  not null,
    version             bigint       not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, reference),
    unique (tenant_id, receipt_hash),
    foreign key (tenant_id, channel_code) references channels (tenant_id, code) deferrable initially deferred,
    foreign key (tenant_id, category_code) references categories (tenant_id, code) deferrable initially deferred
);

create table case_events (
    tenant_id        uuid        not null references tenants (id),
    id               uuid        not null,
    case_id          uuid        not null,
    type             varchar(40) not null,
    occurred_at      timestamptz not null,
    actor_kind       varchar(20) not null,
    reporter_visible boolean     not null,
    message          text,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred
);
create index case_events_by_case on case_events (tenant_id, case_id, occurred_at);

create table evidence (
    tenant_id    uuid         not null references tenants (id),
    id           uuid         not null,
    case_id      uuid         not null,
    event_id     uuid         not null,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    uploaded_by  varchar(20)  not null,
    uploaded_at  timestamptz  not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred,
    foreign key (tenant_id, event_id) references case_events (tenant_id, id) deferrable initially deferred
);
create index evidence_by_case on evidence (tenant_id, case_id);

create table evidence_content (
    tenant_id   uuid  not null references tenants (id),
    evidence_id uuid  not null,
    sealed      bytea not null,
    primary key (tenant_id, evidence_id),
    foreign key (tenant_id, evidence_id) references evidence (tenant_id, id) deferrable initially deferred
);

create table reference_counters (
    tenant_id  uuid   not null references tenants (id),
    year       int    not null,
    next_value bigint not null,
    primary key (tenant_id, year)
);

-- The first answer to a request with an Idempotency-Key, sealed; only a keyed hash of the key is kept.
create table idempotency_records (
    tenant_id     uuid        not null references tenants (id),
    key_hash      bytea       not null,
    fingerprint   bytea       not null,
    sealed_answer bytea,
    created_at    timestamptz not null,
    primary key (tenant_id, key_hash)
);
