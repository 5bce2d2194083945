-- Signing keys are kept encrypted: the private JWK only sealed (AES-256-GCM under a key-encryption key
-- from configuration, named by kek_id, with the kid as associated data), the public JWK in clear.
-- Rows from before hold the plaintext jwk until the service's next start-up seals them and clears it.
alter table signing_key
    alter column jwk drop not null,
    add column private_jwk_sealed bytea,
    add column kek_id             text,
    add column public_jwk         jsonb,
    -- When the key starts signing: rotation publishes a key ahead of that, so verifiers learn it first.
    add column signs_from         timestamptz;

update signing_key
set public_jwk = jwk - 'd',
    signs_from = created_at;

alter table signing_key
    alter column public_jwk set not null,
    alter column signs_from set not null,
    add constraint signing_key_signs_after_creation check (signs_from >= created_at),
    add constraint signing_key_sealed_with_a_kek check ((private_jwk_sealed is null) = (kek_id is null)),
    -- The private part in exactly one form, and never in the public column.
    add constraint signing_key_private_part_once check ((jwk is null) <> (private_jwk_sealed is null)),
    add constraint signing_key_public_jwk_is_public check (not public_jwk ? 'd');
