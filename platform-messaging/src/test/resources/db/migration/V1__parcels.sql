create table parcel
(
    id          uuid primary key,
    destination text not null
);

create table arrival
(
    event_id    uuid not null,
    parcel_id   uuid not null,
    destination text not null,
    scope_before_transaction boolean not null
);
