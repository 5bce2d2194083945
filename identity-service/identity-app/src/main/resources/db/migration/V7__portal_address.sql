-- Each workspace's portal address (slug) as portal-service announces it (PortalProfileChanged), at the newest
-- version seen: one-tap links are built on it. A workspace without a row gets the provisional address derived
-- from its name.
create table portal_address
(
    workspace_id uuid primary key check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    slug         text        not null,
    version      bigint      not null,
    updated_at   timestamptz not null
);
