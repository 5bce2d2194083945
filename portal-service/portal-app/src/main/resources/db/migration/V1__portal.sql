-- Each workspace's portal profile: one row per workspace, created by the first change or by the
-- workspace's WorkspaceCreated event (which brings the name shown until staff choose a display name).
create table portal_profile (
    id                      uuid         primary key,
    workspace_id            uuid         not null unique,
    workspace_name          varchar(200),
    workspace_name_version  bigint       not null default 0,
    slug                    varchar(40),
    display_name            varchar(100),
    accent_color            varchar(7)   not null,
    contact_phone           varchar(40),
    contact_email           varchar(254),
    contact_address         varchar(300),
    logo_tag                varchar(16),
    active                  boolean      not null default false,
    revision                bigint       not null,
    lock_version            bigint       not null,
    updated_at              timestamptz  not null
);

-- Every slug a workspace ever used, current and old: the registry that keeps addresses unique across
-- workspaces and lets old addresses redirect. Not tenant-filtered (a public lookup starts here); never
-- deleted, so no other workspace can take over an address that sent links still use.
create table portal_slug_history (
    slug          varchar(40)  primary key,
    workspace_id  uuid         not null,
    claimed_at    timestamptz  not null
);
create index portal_slug_history_workspace on portal_slug_history (workspace_id);

-- The workspace's logo, re-encoded from pixels (PNG or JPEG), at most one per workspace.
create table portal_logo (
    id            uuid          primary key,
    workspace_id  uuid          not null unique,
    content       bytea         not null,
    content_type  varchar(20)   not null,
    tag           varchar(16)   not null,
    width         integer       not null,
    height        integer       not null,
    uploaded_by   varchar(200)  not null,
    uploaded_at   timestamptz   not null
);

-- Projects' primary contacts: a projection of project-service's ProjectUpserted events.
create table project_contact (
    project_id          uuid         primary key,
    workspace_id        uuid         not null,
    primary_contact_id  uuid,
    version             bigint       not null,
    updated_at          timestamptz  not null
);
create index project_contact_workspace on project_contact (workspace_id);
