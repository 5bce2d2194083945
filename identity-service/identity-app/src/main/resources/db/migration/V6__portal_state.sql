-- Each workspace's Customer Portal as far as signing in needs it: whether it is active, at the newest
-- version seen on portal.events (PortalActivated / PortalDeactivated). Rows are written only by the
-- consumer; a workspace without a row has never been announced and is not held back.
create table portal_state
(
    workspace_id uuid primary key check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    active       boolean     not null,
    version      bigint      not null,
    updated_at   timestamptz not null
);
