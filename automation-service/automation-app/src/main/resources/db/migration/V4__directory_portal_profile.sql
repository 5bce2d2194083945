-- The contractor as the workspace's Customer Portal presents it (portal.events PortalProfileChanged): its display
-- name and phone, at the newest portal version seen. A workspace known only from its portal has no name row yet.
alter table directory_workspace
    alter column name drop not null,
    alter column version drop not null,
    add column portal_display_name text,
    add column portal_phone        text,
    add column portal_version      bigint;
