-- A request's tokens are taken all or none (issue 19's review): V031 took them in turn and stopped at the first empty
-- bucket, so when a body's allowance was used up (a flood on that body) each attempt still cost the sender's address a
-- token, and a reporter retrying after the Retry-After used up an hour's allowance in seconds. Now every bucket is
-- refilled first (its row locked until the call ends), and tokens are taken only when every bucket has one; a refusal
-- names the first bucket without one, as before. Still one round trip, committing at once.
create or replace function qinglang_take_tokens(p_limiters text[], p_keys bytea[], p_capacities double precision[],
                                                p_periods_ms double precision[], p_now timestamptz)
    returns table (refused integer, tokens_left double precision)
    language plpgsql
as
$$
declare
    n       integer := coalesce(array_length(p_keys, 1), 0);
    i       integer;
    per_ms  double precision;
    have    double precision[] := array_fill(0::double precision, array[greatest(n, 1)]);
    got     double precision;
    short   integer;
begin
    -- refill each bucket to now (a new one starts full) and note the first that has no whole token
    for i in 1 .. n loop
        per_ms := p_capacities[i] / p_periods_ms[i];
        insert into rate_buckets as b (limiter, bucket_key, tokens, granted, refilled_at, full_at)
        values (p_limiters[i], p_keys[i], p_capacities[i], true, p_now, p_now)
        on conflict (limiter, bucket_key) do update
            set (tokens, refilled_at) = (
                select r.t, greatest(b.refilled_at, p_now)
                from (select least(p_capacities[i],
                                   b.tokens + greatest(0, extract(epoch from (p_now - b.refilled_at)) * 1000) * per_ms)
                             as t) r)
        returning b.tokens into got;
        have[i] := got;
        if have[i] < 1 and short is null then
            short := i;
        end if;
    end loop;
    if short is not null then
        -- nothing taken: every bucket keeps its tokens (refilled to now)
        for i in 1 .. n loop
            update rate_buckets
            set granted = false,
                full_at = refilled_at + make_interval(secs => (p_capacities[i] - have[i])
                                                             / (p_capacities[i] / p_periods_ms[i]) / 1000)
            where limiter = p_limiters[i] and bucket_key = p_keys[i];
        end loop;
        refused := short;
        tokens_left := have[short];
        return next;
        return;
    end if;
    for i in 1 .. n loop
        update rate_buckets
        set tokens = have[i] - 1,
            granted = true,
            full_at = refilled_at + make_interval(secs => (p_capacities[i] - (have[i] - 1))
                                                         / (p_capacities[i] / p_periods_ms[i]) / 1000)
        where limiter = p_limiters[i] and bucket_key = p_keys[i];
    end loop;
end;
$$;
