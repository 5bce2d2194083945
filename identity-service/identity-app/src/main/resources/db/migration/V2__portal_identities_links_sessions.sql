-- Portal identities: project-service's contacts, as far as signing in needs them (a projection of
-- ContactUpserted / ContactArchived on project.events). Rows are written only by the consumer.
create table portal_identity
(
    contact_id   uuid primary key,
    workspace_id uuid        not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    first_name   text        not null,
    last_name    text        not null,
    email        text        not null,
    archived     boolean     not null default false,
    version      bigint      not null,
    updated_at   timestamptz not null
);

create index portal_identity_email on portal_identity (workspace_id, email);

-- One-tap links. Only the SHA-256 of the token is kept; the token itself is shown once at issue.
create table portal_link
(
    id              uuid primary key,
    workspace_id    uuid        not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    contact_id      uuid        not null references portal_identity (contact_id),
    project_id      uuid,
    token_hash      bytea       not null unique check (length(token_hash) = 32),
    issued_by       text        not null,
    issued_at       timestamptz not null,
    expires_at      timestamptz not null,
    idempotency_key text,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_reason  text
);

create index portal_link_contact on portal_link (workspace_id, contact_id);

-- Minting again for the contact under the same key (same caller) revokes the earlier link: at most one live link per key.
create unique index portal_link_idempotency on portal_link (workspace_id, contact_id, issued_by, idempotency_key)
    where idempotency_key is not null and revoked_at is null;

-- Server-side sessions of portal clients. Only the SHA-256 of the session id (the cookie value) is kept.
create table portal_session
(
    id                  uuid primary key,
    workspace_id        uuid        not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    contact_id          uuid        not null references portal_identity (contact_id),
    link_id             uuid references portal_link (id),
    project_id          uuid,
    secret_hash         bytea       not null unique check (length(secret_hash) = 32),
    method              text        not null,
    created_at          timestamptz not null,
    last_seen_at        timestamptz not null,
    absolute_expires_at timestamptz not null,
    ended_at            timestamptz,
    end_reason          text,
    ip                  text,
    user_agent          text
);

create index portal_session_contact on portal_session (workspace_id, contact_id);
create index portal_session_link on portal_session (link_id);

-- What happened around signing in. Never a token, a session id or a code.
create table audit_event
(
    id           bigint generated always as identity primary key,
    workspace_id uuid        not null,
    contact_id   uuid,
    kind         text        not null,
    subject_id   uuid,
    actor        text,
    ip           text,
    user_agent   text,
    outcome      text        not null,
    at           timestamptz not null
);

create index audit_event_contact on audit_event (workspace_id, contact_id, at);
