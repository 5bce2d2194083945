-- A sign-in attempt: the browser that asked for a code (its secret is the gateway's pre-session cookie;
-- only its SHA-256 is kept). Codes belong to one attempt, so codes asked for elsewhere never cancel it.
create table sign_in_attempt
(
    id           uuid primary key,
    secret_hash  bytea       not null unique check (length(secret_hash) = 32),
    audience     text        not null check (audience in ('client', 'staff')),
    -- the portal's workspace for clients; staff choose theirs after the code
    workspace_id uuid,
    email        text        not null check (email = lower(btrim(email))),
    source       text,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    -- set when its code was right but several identities share the email: the choice is still to make
    verified_at  timestamptz,
    completed_at timestamptz,
    check ((audience = 'client') = (workspace_id is not null))
);

-- A 6-digit code: HMAC-SHA256(pepper, attempt id || code), the pepper named by its id. Never the code.
create table sign_in_code
(
    id            uuid primary key,
    attempt_id    uuid        not null references sign_in_attempt (id) on delete cascade,
    code_hash     bytea       not null check (length(code_hash) = 32),
    pepper_id     text        not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    attempts      int         not null default 0 check (attempts between 0 and 3),
    used_at       timestamptz,
    superseded_at timestamptz
);

create index sign_in_code_attempt on sign_in_code (attempt_id) where used_at is null and superseded_at is null;
create index sign_in_code_expiry on sign_in_code (expires_at);
create index sign_in_attempt_expiry on sign_in_attempt (expires_at);

-- Throttles shared by all replicas: per-IP windows (429) and per-(email, source) sending state (silent).
create table sign_in_throttle
(
    key          text primary key,
    window_start timestamptz not null,
    hits         int         not null,
    failures     int         not null default 0,
    last_sent_at timestamptz,
    wait_until   timestamptz,
    day          date,
    sent_on_day  int         not null default 0,
    updated_at   timestamptz not null
);

create index sign_in_throttle_updated on sign_in_throttle (updated_at);

-- Server-side sessions of staff (the back office's cookie), like portal_session.
create table staff_session
(
    id                  uuid primary key,
    workspace_id        uuid        not null references workspace (id),
    staff_id            uuid        not null references staff_member (id),
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

create index staff_session_member on staff_session (workspace_id, staff_id);
