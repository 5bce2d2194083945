-- Each workspace's email branding, projected from portal-service's PortalProfileChanged (portal.events):
-- kept at the newest profile version seen, so an older or repeated event changes nothing. Stored as the
-- event gave it; EmailBranding drops what the layout cannot use (a logo that is not https, a colour that
-- is not #rrggbb, overlong text) when it is read. A workspace without a row gets the neutral Coastline
-- branding.
create table workspace_branding
(
    workspace_id    uuid                     primary key
        check (workspace_id <> '00000000-0000-0000-0000-000000000000'),
    display_name    text,
    accent_color    text,
    logo_url        text,
    contact_phone   text,
    contact_email   text,
    contact_address text,
    -- Not used for emails (a closed portal keeps its contractor's branding); kept for whatever may need it.
    portal_active   boolean                  not null,
    version         bigint                   not null,
    changed_at      timestamp with time zone,
    updated_at      timestamp with time zone not null
);
