-- Who may see which project in the portal: a projection of project-service's ProjectUpserted events.
create table project_access (
    project_id      uuid        primary key,
    workspace_id    uuid        not null,
    name            varchar(200) not null,
    version         bigint      not null,
    updated_at      timestamptz not null
);
create index project_access_workspace on project_access (workspace_id);

-- The project's primary and added contacts.
create table project_access_contact (
    project_id      uuid not null references project_access (project_id) on delete cascade,
    contact_id      uuid not null,
    primary key (project_id, contact_id)
);
create index project_access_contact_contact on project_access_contact (contact_id);

-- Photos: the original (internal, never served to clients) and two renditions re-encoded from pixels.
create table photo (
    id                     uuid         primary key,
    workspace_id           uuid         not null,
    project_id             uuid         not null,
    file_name              varchar(255) not null,
    content_type           varchar(100) not null,
    original_key           varchar(64)  not null,
    original_size          bigint       not null,
    thumbnail_key          varchar(64)  not null,
    web_key                varchar(64)  not null,
    rendition_type         varchar(100) not null,
    width                  integer      not null,
    height                 integer      not null,
    uploaded_by            varchar(200) not null,
    uploaded_at            timestamptz  not null,
    on_portal              boolean      not null default false,
    visibility_changed_by  varchar(200),
    visibility_changed_at  timestamptz,
    version                bigint       not null
);
create index photo_project on photo (workspace_id, project_id, uploaded_at);

-- Documents: served as uploaded (PDF and office files carry no photo metadata worth stripping here).
create table document (
    id                     uuid         primary key,
    workspace_id           uuid         not null,
    project_id             uuid         not null,
    file_name              varchar(255) not null,
    content_type           varchar(150) not null,
    storage_key            varchar(64)  not null,
    size                   bigint       not null,
    uploaded_by            varchar(200) not null,
    uploaded_at            timestamptz  not null,
    shared                 boolean      not null default false,
    visibility_changed_by  varchar(200),
    visibility_changed_at  timestamptz,
    version                bigint       not null
);
create index document_project on document (workspace_id, project_id, uploaded_at);
