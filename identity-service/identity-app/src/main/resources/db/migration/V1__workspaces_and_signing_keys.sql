-- The tenant registry. Not tenant-filtered: a workspace is the tenant itself.
create table workspace
(
    id         uuid primary key,
    name       text        not null check (length(btrim(name)) > 0),
    time_zone  text        not null,
    currency   text        not null check (currency ~ '^[A-Z]{3}$'),
    created_at timestamptz not null,
    version    bigint      not null check (version >= 1)
);

-- The seeder looks workspaces up by their exact name.
create index workspace_name on workspace (name);

-- Keys that sign tokens (JWK JSON with the private part). Several rows may exist: the newest signs,
-- all are published in the JWKS, so that a key can be rotated in without invalidating live tokens.
create table signing_key
(
    kid        text primary key,
    jwk        jsonb       not null,
    created_at timestamptz not null
);
