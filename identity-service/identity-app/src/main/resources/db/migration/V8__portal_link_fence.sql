-- The fencing token of the attempt that issued a link under an idempotency key (automation-service's
-- claim of the run): a late request of an older attempt is refused instead of revoking the newer link.
alter table portal_link add column idempotency_fence bigint;
