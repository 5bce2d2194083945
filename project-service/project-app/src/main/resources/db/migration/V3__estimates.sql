-- Estimates of a project, their versions with line items, and the approval evidence of approved versions.
-- Amounts are minor units of the estimate's currency (bigint); quantities are thousandths (bigint); tax
-- rates basis points. workspace_id is stamped and filtered by Hibernate (@TenantId) on every table.

-- The target of the estimates' same-workspace foreign key (named like the constraint PostgreSQL would
-- name, so that another migration adding the same key is not duplicated).
create unique index if not exists project_workspace_id_id_key on project (workspace_id, id);

create table estimate
(
    id                     uuid                     not null primary key,
    workspace_id           uuid                     not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    project_id             uuid                     not null,
    currency               varchar(3)               not null check (currency ~ '^[A-Z]{3}$'),
    current_version_number integer                  not null check (current_version_number >= 1),
    version                bigint                   not null,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    -- an estimate's project is always one of its own workspace's projects
    foreign key (workspace_id, project_id) references project (workspace_id, id),
    unique (workspace_id, id)
);
create index estimate_by_project_idx on estimate (workspace_id, project_id, created_at);

create table estimate_version
(
    id                       uuid                     not null primary key,
    workspace_id             uuid                     not null,
    estimate_id              uuid                     not null,
    version_number           integer                  not null check (version_number >= 1),
    status                   varchar(30)              not null,
    title                    varchar(200)             not null,
    notes                    varchar(4000),
    valid_until              date,
    subtotal_minor           bigint                   not null,
    tax_minor                bigint                   not null,
    total_minor              bigint                   not null,
    created_at               timestamp with time zone not null,
    sent_at                  timestamp with time zone,
    answered_at              timestamp with time zone,
    answered_by_contact_id   uuid,
    client_message           varchar(2000),
    -- approval evidence: all set when, and only when, the version is approved
    signer_contact_id        uuid,
    signed_name              varchar(200),
    approved_at              timestamp with time zone,
    signer_ip                varchar(45),
    signer_user_agent        varchar(512),
    content_sha256           varchar(64),
    foreign key (workspace_id, estimate_id) references estimate (workspace_id, id),
    unique (estimate_id, version_number),
    unique (workspace_id, id),
    check ((status = 'APPROVED') = (signer_contact_id is not null and signed_name is not null
        and approved_at is not null and signer_ip is not null and content_sha256 is not null))
);

create table estimate_line_item
(
    id                    uuid         not null primary key,
    workspace_id          uuid         not null,
    version_id            uuid         not null,
    line_number           integer      not null check (line_number >= 1),
    description           varchar(500) not null,
    quantity_thousandths  bigint       not null check (quantity_thousandths > 0),
    unit_price_minor      bigint       not null check (unit_price_minor >= 0),
    tax_rate_basis_points integer      not null check (tax_rate_basis_points between 0 and 10000),
    net_minor             bigint       not null,
    tax_minor             bigint       not null,
    total_minor           bigint       not null,
    foreign key (workspace_id, version_id) references estimate_version (workspace_id, id),
    -- deferred: replacing a draft's items inserts the new ones before it deletes the old ones
    unique (version_id, line_number) deferrable initially deferred
);

-- An approved version and its evidence are final: the database refuses any change to them or to their
-- line items, whatever the application does.
create function estimate_approved_version_is_final() returns trigger
    language plpgsql as
$$
begin
    if old.status = 'APPROVED' then
        raise exception 'estimate version % is approved and cannot change', old.id;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger estimate_approved_version_is_final
    before update or delete
    on estimate_version
    for each row
execute function estimate_approved_version_is_final();

create function estimate_approved_line_item_is_final() returns trigger
    language plpgsql as
$$
begin
    if exists (select 1 from estimate_version v where v.id = old.version_id and v.status = 'APPROVED') then
        raise exception 'line item % belongs to an approved estimate version and cannot change', old.id;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger estimate_approved_line_item_is_final
    before update or delete
    on estimate_line_item
    for each row
execute function estimate_approved_line_item_is_final();
