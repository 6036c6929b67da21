-- The limits every node of the platform shares (issue 19): token buckets (intake and receipt lookups per client
-- address and per body, console sign-ins per address) and the per-minute counts of public attempts that decide
-- when a body's intake or lookups ask for a proof-of-work. Kept here, not in a node's memory, so that N nodes
-- allow what the configuration says, not N times that.
--
-- Keys are HMACs under the platform's receipt key (a client address must not be readable from a dump: together
-- with a case's time it could point at a reporter). The tables are UNLOGGED: a crash of the database forgets them,
-- as a node's restart forgot its memory; nothing else depends on them. No tenant_id: they are the platform's.
create unlogged table rate_buckets (
    limiter     text             not null,
    bucket_key  bytea            not null,
    tokens      double precision not null,
    granted     boolean          not null,
    refilled_at timestamptz      not null,
    -- when the bucket is full again without further attempts: a row past it means nothing and may go
    full_at     timestamptz      not null,
    primary key (limiter, bucket_key)
);
create index rate_buckets_full on rate_buckets (full_at);

create unlogged table attempt_minutes (
    gate     text   not null,
    subject  text   not null,
    minute   bigint not null, -- minutes since the epoch
    attempts bigint not null,
    primary key (gate, subject, minute)
);

create unlogged table attempt_flags (
    gate          text        not null,
    subject       text        not null,
    flagged_until timestamptz not null,
    primary key (gate, subject)
);

grant select, insert, update, delete on rate_buckets, attempt_minutes, attempt_flags to ${app_role};

-- Takes one token from each bucket in turn (refilled for the time since its last use: capacity tokens per
-- period), stopping at the first that has none: returns that bucket's 1-based position and its tokens, or nothing
-- when every bucket gave one. One round trip for all of a request's buckets; each row is locked only for its own
-- statement, so concurrent requests of one body wait microseconds, not for each other's transactions.
create function qinglang_take_tokens(p_limiters text[], p_keys bytea[], p_capacities double precision[],
                                     p_periods_ms double precision[], p_now timestamptz)
    returns table (refused integer, tokens_left double precision)
    language plpgsql
as
$$
declare
    i       integer;
    given   boolean;
    left_   double precision;
    per_ms  double precision;
begin
    for i in 1 .. coalesce(array_length(p_keys, 1), 0) loop
        per_ms := p_capacities[i] / p_periods_ms[i];
        insert into rate_buckets as b (limiter, bucket_key, tokens, granted, refilled_at, full_at)
        values (p_limiters[i], p_keys[i], p_capacities[i] - 1, true, p_now,
                p_now + make_interval(secs => 1 / per_ms / 1000))
        on conflict (limiter, bucket_key) do update
            set (tokens, granted, refilled_at, full_at) = (
                select case when r.t >= 1 then r.t - 1 else r.t end,
                       r.t >= 1,
                       greatest(b.refilled_at, p_now),
                       greatest(b.refilled_at, p_now)
                           + make_interval(secs => (p_capacities[i] - case when r.t >= 1 then r.t - 1 else r.t end)
                                                   / per_ms / 1000)
                from (select least(p_capacities[i],
                                   b.tokens + greatest(0, extract(epoch from (p_now - b.refilled_at)) * 1000) * per_ms)
                             as t) r)
        returning b.granted, b.tokens into given, left_;
        if not given then
            refused := i;
            tokens_left := left_;
            return next;
            return;
        end if;
    end loop;
end;
$$;

-- A subject's attempts at a gate around p_minute: counts one in p_minute first when p_count; returns that minute's
-- count, the minute before's, the sum of the 60 minutes before those two, and until when the subject is flagged.
create function qinglang_attempts(p_gate text, p_subject text, p_minute bigint, p_count boolean)
    returns table (this_minute bigint, last_minute bigint, hour_before bigint, flagged_until timestamptz)
    language plpgsql
as
$$
begin
    if p_count then
        insert into attempt_minutes as a (gate, subject, minute, attempts) values (p_gate, p_subject, p_minute, 1)
        on conflict (gate, subject, minute) do update set attempts = a.attempts + 1;
    end if;
    return query
        select coalesce(sum(m.attempts) filter (where m.minute = p_minute), 0)::bigint,
               coalesce(sum(m.attempts) filter (where m.minute = p_minute - 1), 0)::bigint,
               coalesce(sum(m.attempts) filter (where m.minute < p_minute - 1), 0)::bigint,
               (select f.flagged_until from attempt_flags f where f.gate = p_gate and f.subject = p_subject)
        from attempt_minutes m
        where m.gate = p_gate and m.subject = p_subject and m.minute between p_minute - 61 and p_minute;
end;
$$;

grant execute on function qinglang_take_tokens(text[], bytea[], double precision[], double precision[], timestamptz),
    qinglang_attempts(text, text, bigint, boolean) to ${app_role};
