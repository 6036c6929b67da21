-- Audit events are sealed off the request path (issue 18). A writer inserts its event in its own transaction
-- without seq or hashes, taking no lock shared with the body's other writers; a sequencer (one per body at a
-- time, by an advisory lock) later gives the waiting events their seq and chained hashes in batches, in the order
-- they were written (id). Until then an event is "waiting to be sealed": stored, readable, not yet in the chain.
alter table audit_events add column id bigint generated always as identity;
alter table audit_events drop constraint audit_events_pkey;
alter table audit_events add primary key (tenant_id, id);
alter table audit_events alter column seq drop not null,
                         alter column prev_hash drop not null,
                         alter column hash drop not null;
create unique index audit_events_seq on audit_events (tenant_id, seq);
alter table audit_events add constraint audit_events_sealed_whole
    check ((seq is null) = (hash is null) and (seq is null) = (prev_hash is null));
create index audit_events_waiting on audit_events (tenant_id, id) where seq is null;

-- Still append-only: no event is ever deleted; an event is changed once, when it is sealed, and only in its
-- seal (seq, prev_hash, hash). The application role may update no other column.
drop trigger audit_events_append_only on audit_events;
create trigger audit_events_append_only
    before delete or truncate on audit_events
    for each statement execute function audit_events_append_only();

create function audit_events_sealed_once() returns trigger
    language plpgsql
as $$
begin
    if old.seq is not null or new.seq is null
        or (new.tenant_id, new.id, new.occurred_at, new.actor_kind, new.actor_id, new.action, new.subject_type,
            new.subject_id, new.reason, new.details)
           is distinct from
           (old.tenant_id, old.id, old.occurred_at, old.actor_kind, old.actor_id, old.action, old.subject_type,
            old.subject_id, old.reason, old.details) then
        raise exception 'audit events are append-only: an event is only sealed, once';
    end if;
    return new;
end
$$;

create trigger audit_events_sealed_once
    before update on audit_events
    for each row execute function audit_events_sealed_once();

grant update (seq, prev_hash, hash) on audit_events to ${app_role};
