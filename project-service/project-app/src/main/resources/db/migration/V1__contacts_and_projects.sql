-- Contacts and projects of each workspace. workspace_id is stamped and filtered by Hibernate (@TenantId);
-- the nil workspace (a token without one) must never own a row.

create table contact
(
    id           uuid                     not null primary key,
    workspace_id uuid                     not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    first_name   varchar(100)             not null,
    last_name    varchar(100)             not null,
    email        varchar(254)             not null,
    phone        varchar(40),
    archived     boolean                  not null,
    version      bigint                   not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    -- the target of the projects' same-workspace foreign key
    unique (workspace_id, id)
);
-- Several contacts of a workspace may share an email (SECURITY.md: the client then chooses).
create index contact_by_email_idx on contact (workspace_id, email);
create index contact_by_creation_idx on contact (workspace_id, created_at);

create table project
(
    id                 uuid                     not null primary key,
    workspace_id       uuid                     not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    name               varchar(200)             not null,
    address            varchar(500),
    status             varchar(30)              not null,
    primary_contact_id uuid                     not null,
    approved_at        timestamp with time zone,
    version            bigint                   not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    -- a project's primary contact is always one of its own workspace's contacts
    foreign key (workspace_id, primary_contact_id) references contact (workspace_id, id)
);
create index project_by_name_idx on project (workspace_id, lower(name));
create index project_by_creation_idx on project (workspace_id, created_at);
create index project_by_primary_contact_idx on project (workspace_id, primary_contact_id);
