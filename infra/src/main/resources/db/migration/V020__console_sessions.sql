-- The staff console's server-side sessions, and sign-ins under way (state, nonce and PKCE verifier between the
-- redirect to Keycloak and its answer). Only a SHA-256 of the cookie's random value is kept, so a copy of this table
-- opens no session. Platform data like the tenant registry: a session's tenant is what the token said, and every
-- page it opens is then confined to that tenant by the tenant walls.
create table console_sessions (
    id_hash       bytea       primary key,
    kind          text        not null check (kind in ('SIGN_IN', 'SESSION')),
    tenant_slug   text,
    user_id       text,
    username      text,
    display_name  text,
    roles         text        not null default '',
    id_token      text,
    csrf_token    text        not null,
    state         text,
    nonce         text,
    code_verifier text,
    return_to     text,
    language      text,
    created_at    timestamptz not null,
    last_seen_at  timestamptz not null,
    expires_at    timestamptz not null,
    check (kind = 'SIGN_IN' or (user_id is not null and username is not null)),
    check (kind = 'SESSION' or (state is not null and nonce is not null and code_verifier is not null))
);
create index console_sessions_expiry on console_sessions (expires_at);
grant select, insert, update, delete on console_sessions to ${app_role};
