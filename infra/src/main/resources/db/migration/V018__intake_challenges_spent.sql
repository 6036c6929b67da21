-- Proof-of-work challenges already used, kept until they expire, so that one solved challenge files one report
-- on the whole platform rather than one per node (only a hash of the challenge is kept).
create table intake_challenges_spent (
    tenant_id      uuid        not null references tenants (id),
    challenge_hash bytea       not null,
    expires_at     timestamptz not null,
    primary key (tenant_id, challenge_hash)
);
create index intake_challenges_spent_expiry on intake_challenges_spent (tenant_id, expires_at);
select qinglang_isolate_tenant_table('intake_challenges_spent');
