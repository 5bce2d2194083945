-- The secrets a delivery's content refers to as {{secret:name}}, exactly as the command carried them:
-- encrypted (AES-GCM, bound to the command id and the name), never in clear. They are opened only to
-- render the email at send time, and deleted once the delivery is SENT or FAILED.
create table email_delivery_secret
(
    delivery_id uuid          not null references email_delivery (id) on delete cascade,
    name        varchar(64)   not null,
    key_id      varchar(100)  not null,
    ciphertext  varchar(2000) not null,
    primary key (delivery_id, name)
);
