-- The Send email action notes the template its subject and body were copied from (no foreign key: the copy
-- outlives the template).
alter table automation_action
    add column template_id uuid;

-- A workspace's email template library. The starters are copied in the first time the workspace uses its
-- library; email_template_library records that it has them, so a deleted starter does not come back.
create table email_template
(
    id                uuid                     not null primary key,
    workspace_id      uuid                     not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    name              varchar(100)             not null,
    subject           text                     not null,
    body              text                     not null,
    suggested_trigger text,
    starter           text,
    created_by        text                     not null,
    created_at        timestamp with time zone not null,
    updated_by        text                     not null,
    updated_at        timestamp with time zone not null,
    version           bigint                   not null
);
create index email_template_by_workspace_idx on email_template (workspace_id, created_at);

create table email_template_library
(
    workspace_id uuid                     not null primary key,
    seeded_at    timestamp with time zone not null
);
create unique index email_template_one_copy_per_starter on email_template (workspace_id, starter) where starter is not null;
