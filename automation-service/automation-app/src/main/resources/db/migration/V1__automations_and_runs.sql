-- Automations of a workspace and their ordered actions. Trigger and action types are stored by name, so new
-- ones need no migration.
create table automation
(
    id           uuid                     not null primary key,
    workspace_id uuid                     not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    name         varchar(100)             not null,
    trigger_type text                     not null,
    enabled      boolean                  not null,
    created_by   text                     not null,
    created_at   timestamp with time zone not null,
    updated_by   text                     not null,
    updated_at   timestamp with time zone not null,
    version      bigint                   not null
);
create index automation_by_workspace_trigger_idx on automation (workspace_id, trigger_type);

create table automation_action
(
    automation_id uuid not null references automation (id) on delete cascade,
    position      int  not null,
    type          text not null,
    subject       text,
    body          text,
    primary key (automation_id, position)
);

-- One run per (trigger event, automation): a redelivered or resubmitted event never runs an automation twice.
create table automation_run
(
    id               uuid                     not null primary key,
    workspace_id     uuid                     not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    automation_id    uuid                     not null references automation (id),
    trigger_event_id uuid                     not null,
    project_id       uuid                     not null,
    contact_id       uuid                     not null,
    status           text                     not null,
    started_at       timestamp with time zone not null,
    finished_at      timestamp with time zone,
    failure_reason   text,
    updated_at       timestamp with time zone not null,
    version          bigint                   not null,
    constraint automation_run_once_per_trigger_event unique (trigger_event_id, automation_id)
);
create index automation_run_by_automation_idx on automation_run (automation_id, started_at desc);
