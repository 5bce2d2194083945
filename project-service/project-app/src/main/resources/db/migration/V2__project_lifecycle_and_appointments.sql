-- The project lifecycle (statuses are varchar: LEAD, ESTIMATING, APPROVED, IN_PROGRESS, COMPLETED, CANCELLED),
-- added contacts, the project timeline and appointments. Every table carries workspace_id (Hibernate's
-- @TenantId) and refers to its project through (workspace_id, project_id), so that no row can point into
-- another workspace.

alter table project add constraint project_workspace_id_id_key unique (workspace_id, id);

-- Contacts besides the primary one who may see a project in the portal.
create table project_contact
(
    id           uuid                     not null primary key,
    workspace_id uuid                     not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    project_id   uuid                     not null,
    contact_id   uuid                     not null,
    added_at     timestamp with time zone not null,
    unique (project_id, contact_id),
    foreign key (workspace_id, project_id) references project (workspace_id, id),
    foreign key (workspace_id, contact_id) references contact (workspace_id, id)
);
-- ProjectAccess: the projects a contact was added to.
create index project_contact_by_contact_idx on project_contact (workspace_id, contact_id);

-- Each project's timeline; entries are never changed.
create table project_activity
(
    id           uuid                     not null primary key,
    workspace_id uuid                     not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    project_id   uuid                     not null,
    occurred_at  timestamp with time zone not null,
    kind         varchar(40)              not null,
    actor        varchar(200)             not null,
    summary      varchar(500)             not null,
    subject_id   uuid,
    foreign key (workspace_id, project_id) references project (workspace_id, id)
);
create index project_activity_by_project_idx on project_activity (workspace_id, project_id, occurred_at);

-- Visits of a project. time_zone is the IANA zone the window is shown in (the workspace's, given by the
-- back office: this service has no workspace table).
create table appointment
(
    id            uuid                     not null primary key,
    workspace_id  uuid                     not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    project_id    uuid                     not null,
    starts_at     timestamp with time zone not null,
    ends_at       timestamp with time zone not null,
    time_zone     varchar(64)              not null,
    assignee_name varchar(100),
    notes         varchar(2000),
    status        varchar(30)              not null,
    version       bigint                   not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    check (ends_at > starts_at),
    foreign key (workspace_id, project_id) references project (workspace_id, id)
);
create index appointment_by_project_idx on appointment (workspace_id, project_id, starts_at);
