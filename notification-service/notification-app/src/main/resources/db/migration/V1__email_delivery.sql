-- Email deliveries: one per workspace and idempotency key, recorded by the SendEmail consumer and
-- worked off by the sender (claimed with FOR UPDATE SKIP LOCKED, leased while SMTP runs).
create table email_delivery
(
    id                uuid                     not null primary key,
    workspace_id      uuid                     not null
        check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    idempotency_key   varchar(200)             not null,
    command_id        uuid                     not null,
    recipient_email   varchar(254)             not null,
    recipient_name    varchar(200),
    kind              varchar(32)              not null,
    subject           varchar(500)             not null,
    text_body         text                     not null,
    html_body         text,
    automation_run_id uuid,
    project_id        uuid,
    contact_id        uuid,
    status            varchar(16)              not null
        check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts          int                      not null check (attempts >= 0),
    next_attempt_at   timestamp with time zone,
    lease_token       uuid,
    lease_until       timestamp with time zone,
    last_error        varchar(500),
    requested_at      timestamp with time zone not null,
    created_at        timestamp with time zone not null,
    sent_at           timestamp with time zone,
    failed_at         timestamp with time zone,
    version           bigint                   not null,
    -- Per workspace: a key chosen by one workspace's sender can never suppress another workspace's email.
    constraint email_delivery_idempotency_key_uq unique (workspace_id, idempotency_key),
    check (status <> 'PENDING' or next_attempt_at is not null),
    check (status <> 'SENDING' or (lease_token is not null and lease_until is not null))
);

-- What the sender's claim looks for: pending and due, or leased and expired.
create index email_delivery_due_idx on email_delivery (next_attempt_at) where status = 'PENDING';
create index email_delivery_lease_idx on email_delivery (lease_until) where status = 'SENDING';
