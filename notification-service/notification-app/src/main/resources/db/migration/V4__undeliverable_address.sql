-- Addresses an SMTP server rejected for good (5xx for the recipient), per workspace, for a while
-- (coastline.notification.undeliverable-for): further emails to them fail at once as 'undeliverable',
-- except sign-in codes, which are always tried. Only a SHA-256 of the normalised (trimmed, lower-case)
-- address and its masked form (d***@example.com) are kept; never the address itself.
create table undeliverable_address
(
    workspace_id   uuid                     not null
        check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    address_hash   varchar(64)              not null,
    masked_address varchar(260)             not null,
    reason         varchar(500)             not null,
    delivery_id    uuid                     not null,
    marked_at      timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    primary key (workspace_id, address_hash)
);

-- The back office's list, newest first.
create index undeliverable_address_marked_idx on undeliverable_address (workspace_id, marked_at desc);
