-- What the runs need to know about the world, kept from other services' events (newest version wins):
-- the workspace's name (identity.events), projects and contacts (project.events).
create table directory_workspace
(
    workspace_id uuid   not null primary key,
    name         text   not null,
    version      bigint not null
);

create table directory_project
(
    project_id         uuid   not null primary key,
    workspace_id       uuid   not null,
    name               text   not null,
    address            text,
    primary_contact_id uuid,
    version            bigint not null
);

create table directory_contact
(
    contact_id   uuid    not null primary key,
    workspace_id uuid    not null,
    first_name   text,
    last_name    text,
    email        text,
    archived     boolean not null,
    version      bigint  not null
);

-- A run is recorded when its trigger event is consumed and carried out later by the run processor, which
-- may have to wait (identity-service down, the project or contact not known yet) and retries with backoff.
alter table automation_run
    alter column contact_id drop not null,
    add column trigger_type    text,
    add column attempts        int not null default 0,
    add column next_attempt_at timestamp with time zone,
    add column lease_token     uuid,
    add column lease_until     timestamp with time zone,
    add column retries         int not null default 0,
    add column last_error      text,
    add column link_id         uuid;

update automation_run
set trigger_type = 'PROJECT_APPROVED',
    status       = case status
                       when 'EMAIL_SENT' then 'SENT'
                       when 'EMAIL_FAILED' then 'FAILED'
                       else status end;

alter table automation_run
    alter column trigger_type set not null;

create index automation_run_due_idx on automation_run (next_attempt_at)
    where status in ('PENDING', 'WAITING_FOR_RETRY');
create index automation_run_leased_idx on automation_run (lease_until)
    where status = 'PROCESSING';
create index automation_run_by_project_idx on automation_run (project_id, started_at desc);
