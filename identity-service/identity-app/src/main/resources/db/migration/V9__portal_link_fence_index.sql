-- A link request under an idempotency key reads the newest fence issued under that key, revoked links included
-- (PortalLinks.issue). Without this index that read went through every link of the contact: in the burst of
-- 20,000 approvals for one client (session 25) a sequential scan per request, 203 million rows in all.
create index portal_link_fence on portal_link (workspace_id, contact_id, issued_by, idempotency_key, idempotency_fence)
    where idempotency_key is not null;
