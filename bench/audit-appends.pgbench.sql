-- The statements of one audit append on PostgreSQL, as src/audit/store.ts sends them, for pgbench: what
-- the database alone sustains, without the Node client. On a migrated scratch database:
--   pgbench -n -c 16 -j 2 -T 5 -f bench/audit-appends.pgbench.sql <database>
BEGIN;
update audit_chains set last_seq = last_seq + 1
  where id = (select id from audit_chains order by random() limit 1 for update skip locked)
  returning id as c, last_seq as s, nextval('audit_log_id_seq') as n \gset
with entry as (
  insert into audit_log (id, chain, seq, ts, action, object_type, outcome, payload_digest, prev_hash, hash,
    salt, purpose, details)
  values (:n, :c, :s, '2026-12-01T12:00:00.000Z', 'screening.create', 'screening', 'success', 'digest', 'prev',
    'hash', 'salt', 'border check', '{"persons":1}')
) update audit_chains set last_hash = 'hash' where id = :c;
COMMIT;
