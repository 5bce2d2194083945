-- Platform tables every messaging service has (versions 0.x belong to platform-messaging).

-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0): the outbox.
create table event_publication
(
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Idempotent consumers: one row per (consumer group, ce_id) processed.
create table processed_message
(
    consumer_group text                     not null,
    message_id     text                     not null,
    processed_at   timestamp with time zone not null,
    primary key (consumer_group, message_id)
);
create index processed_message_processed_at_idx on processed_message (processed_at);

-- ShedLock: scheduled jobs run on one replica at a time.
create table shedlock
(
    name       varchar(64)              not null primary key,
    lock_until timestamp with time zone not null,
    locked_at  timestamp with time zone not null,
    locked_by  varchar(255)             not null
);
