-- Invoices of a project with their line items and payments, online checkout sessions, each workspace's
-- payment settings, and the payment provider's webhook events already handled. Amounts are minor units
-- of the invoice's currency (bigint). workspace_id is stamped and filtered by Hibernate (@TenantId) on
-- every table but payment_webhook_event, which is read before the workspace is known.

create table invoice
(
    id                      uuid                     not null primary key,
    workspace_id            uuid                     not null check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    project_id              uuid                     not null,
    estimate_id             uuid,
    estimate_version        integer check (estimate_version >= 1),
    title                   varchar(200)             not null,
    notes                   varchar(4000),
    currency                varchar(3)               not null check (currency ~ '^[A-Z]{3}$'),
    status                  varchar(20)              not null check (status in ('DRAFT', 'OPEN', 'PAID', 'VOID')),
    due_date                date                     not null,
    subtotal_minor          bigint                   not null check (subtotal_minor >= 0),
    tax_minor               bigint                   not null check (tax_minor >= 0),
    total_minor             bigint                   not null check (total_minor >= 0),
    paid_minor              bigint                   not null default 0 check (paid_minor >= 0),
    version                 bigint                   not null,
    created_at              timestamp with time zone not null,
    issued_at               timestamp with time zone,
    paid_at                 timestamp with time zone,
    voided_at               timestamp with time zone,
    void_reason             varchar(500),
    overdue_at              timestamp with time zone,
    updated_at              timestamp with time zone not null,
    foreign key (workspace_id, project_id) references project (workspace_id, id),
    foreign key (workspace_id, estimate_id) references estimate (workspace_id, id),
    unique (workspace_id, id),
    check ((estimate_id is null) = (estimate_version is null)),
    -- issued: open and paid invoices always, void ones when voided after issue
    check (status <> 'DRAFT' or issued_at is null),
    check (status not in ('OPEN', 'PAID') or issued_at is not null),
    check ((status = 'PAID') = (paid_at is not null)),
    check ((status = 'VOID') = (voided_at is not null))
);
create index invoice_by_project_idx on invoice (workspace_id, project_id, created_at);
-- the overdue job's query, across workspaces
create index invoice_overdue_candidates_idx on invoice (due_date) where status = 'OPEN' and overdue_at is null;
-- an approved estimate version is invoiced at most once (unless that invoice was voided)
create unique index invoice_once_per_estimate_version on invoice (workspace_id, estimate_id, estimate_version)
    where estimate_id is not null and status <> 'VOID';

create table invoice_line_item
(
    id                    uuid         not null primary key,
    workspace_id          uuid         not null,
    invoice_id            uuid         not null,
    line_number           integer      not null check (line_number >= 1),
    description           varchar(500) not null,
    quantity_thousandths  bigint       not null check (quantity_thousandths > 0),
    unit_price_minor      bigint       not null check (unit_price_minor >= 0),
    tax_rate_basis_points integer      not null check (tax_rate_basis_points between 0 and 10000),
    net_minor             bigint       not null,
    tax_minor             bigint       not null,
    total_minor           bigint       not null,
    foreign key (workspace_id, invoice_id) references invoice (workspace_id, id),
    unique (invoice_id, line_number)
);

create table invoice_payment
(
    id                  uuid                     not null primary key,
    workspace_id        uuid                     not null,
    invoice_id          uuid                     not null,
    method              varchar(20)              not null check (method in ('OFFLINE', 'ONLINE')),
    amount_minor        bigint                   not null check (amount_minor > 0),
    currency            varchar(3)               not null,
    -- online: the provider's payment (Stripe payment intent) and the webhook event that confirmed it
    provider            varchar(20),
    provider_payment_id varchar(255),
    provider_event_id   varchar(255),
    reference           varchar(200),
    received_at         timestamp with time zone not null,
    recorded_by         varchar(200)             not null,
    foreign key (workspace_id, invoice_id) references invoice (workspace_id, id),
    check ((method = 'ONLINE') = (provider_payment_id is not null and provider is not null))
);
create index invoice_payment_by_invoice_idx on invoice_payment (workspace_id, invoice_id, received_at);
-- a provider's payment is recorded once, whichever of its events (or replays) arrives first
create unique index invoice_payment_once_per_provider_payment on invoice_payment (provider, provider_payment_id)
    where provider_payment_id is not null;

create table payment_checkout
(
    id                  uuid                     not null primary key,
    workspace_id        uuid                     not null,
    invoice_id          uuid                     not null,
    provider            varchar(20)              not null,
    provider_session_id varchar(255)             not null unique,
    attempt             integer                  not null check (attempt >= 1),
    amount_minor        bigint                   not null check (amount_minor > 0),
    currency            varchar(3)               not null,
    url                 varchar(2000)            not null,
    created_at          timestamp with time zone not null,
    foreign key (workspace_id, invoice_id) references invoice (workspace_id, id),
    unique (invoice_id, attempt)
);

create table payment_settings
(
    id                   uuid                     not null primary key,
    workspace_id         uuid                     not null unique,
    provider             varchar(20)              not null,
    connected_account_id varchar(255)             not null,
    version              bigint                   not null,
    updated_at           timestamp with time zone not null
);

-- Every verified webhook event once: a replay (same event id) is answered 2xx and changes nothing.
create table payment_webhook_event
(
    event_id     varchar(255)             not null primary key,
    type         varchar(100)             not null,
    workspace_id uuid,
    invoice_id   uuid,
    outcome      varchar(40)              not null,
    received_at  timestamp with time zone not null
);
