-- The people who work in a workspace's back office. workspace_id is stamped and filtered by Hibernate
-- (@TenantId); the nil workspace (a token without one) must never own a row.
create table staff_member
(
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references workspace (id)
        check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    -- stored normalised (trimmed, lower case), so that uniqueness and sign-in look-ups compare like with like
    email        varchar(254)             not null check (email = lower(btrim(email))),
    name         varchar(200)             not null check (length(btrim(name)) > 0),
    role         varchar(10)              not null check (role in ('OWNER', 'STAFF')),
    status       varchar(10)              not null check (status in ('INVITED', 'ACTIVE', 'REMOVED')),
    -- the sub of the token that invited them; null for the owner who signed the workspace up
    invited_by   varchar(200),
    invited_at   timestamp with time zone not null,
    activated_at timestamp with time zone,
    removed_at   timestamp with time zone,
    updated_at   timestamp with time zone not null,
    version      bigint                   not null check (version >= 1),
    -- one membership per email and workspace; a removed member invited again gets the same row back
    constraint staff_member_email_unique unique (workspace_id, email)
);

-- Staff sign-in finds an email's memberships across workspaces.
create index staff_member_by_email_idx on staff_member (email) where status <> 'REMOVED';
