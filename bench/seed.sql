-- Nolan load benchmark: a council's ten years of members' enquiries (bench/README.md).
--
-- Run against a Nolan PostgreSQL database that already holds the demo directory (nolan seed-demo, or Nolan started
-- once with --demo), and before Nolan serves requests:
--   psql -v ON_ERROR_STOP=1 -f bench/seed.sql "host=127.0.0.1 port=PORT user=postgres dbname=nolan"
--
-- Adds, for ONE council (southend-on-sea):
--   * 100,000 enquiries received over the last 3,650 days, spread over the council's members (skewed: some
--     councillors log far more than others); member@southend-on-sea.demo owns exactly 2,000 of them.
--     Older ones are closed (a few answered or moved to complaints); the last month's are mostly live.
--   * 2-4 activities each (Logged, Routed, then Assigned, then Response / HoldingReply / MovedToComplaints):
--     about 340,000 rows.
--   * one audit event each (enquiry.logged, seq 1 of its stream) with a real SHA-256 hash chain, and one audit seal
--     over them, so `nolan verify-audit` passes. Later state changes have activities but no audit events of their own.
--   * ~1,000 access grants (copies to another member), 50 of them to member@southend-on-sea.demo.
--   * bench_enquiries: the baseline app's table, same columns and indexes as enquiries (no foreign keys), holding a
--     copy of the same 100,000 rows, so that the baseline SELECT reads the same data as Nolan's list.
-- then VACUUM ANALYZE. Deterministic (setseed). Simplifications: due dates are received_on + 14 calendar days
-- (Nolan counts 10 working days with bank holidays and closure days); activities by officers without a Nolan account
-- carry a made-up account id (enquiry_activities.by_account_id has no foreign key).
\set ON_ERROR_STOP on
\timing off
SET client_min_messages = warning;

BEGIN;
DO $$ BEGIN PERFORM setseed(0.20261123); END $$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM councils WHERE slug = 'southend-on-sea') THEN
        RAISE EXCEPTION 'No council southend-on-sea: seed the demo directory first (nolan seed-demo, or start Nolan with --demo)';
    END IF;
    IF EXISTS (SELECT 1 FROM enquiries WHERE reference LIKE 'SOS-____-0%') THEN
        RAISE EXCEPTION 'This database already holds the benchmark data set (references SOS-YYYY-0nnnnnn)';
    END IF;
END $$;

-- ------------------------------------------------------------------ who is who
CREATE TEMP TABLE ctx ON COMMIT DROP AS
SELECT c.id AS council_id,
       (SELECT m.id FROM members m JOIN accounts a ON a.id = m.account_id WHERE a.email = 'member@southend-on-sea.demo') AS demo_member_id,
       (SELECT a.id FROM accounts a WHERE a.email = 'member@southend-on-sea.demo') AS demo_account_id,
       (SELECT a.display_name FROM accounts a WHERE a.email = 'member@southend-on-sea.demo') AS demo_name,
       (SELECT a.id FROM accounts a WHERE a.email = 'hub@southend-on-sea.demo') AS hub_account_id,
       (SELECT a.display_name FROM accounts a WHERE a.email = 'hub@southend-on-sea.demo') AS hub_name,
       'southend-on-sea/part-5d'::text AS protocol_version
FROM councils c WHERE c.slug = 'southend-on-sea';

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM ctx WHERE demo_member_id IS NULL OR hub_account_id IS NULL) THEN
        RAISE EXCEPTION 'The demo accounts member@southend-on-sea.demo and hub@southend-on-sea.demo are missing';
    END IF;
END $$;

-- The other members of the council (the demo member gets every 50th enquiry instead), numbered from 0.
CREATE TEMP TABLE sm ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY m.name, m.id) - 1)::int AS n, m.id, m.ward_id, m.account_id, m.name
FROM members m, ctx
WHERE m.council_id = ctx.council_id AND m.active AND m.id <> ctx.demo_member_id;

-- Case officers of the council (no special role), numbered from 0.
CREATE TEMP TABLE so ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY o.name, o.id) - 1)::int AS n, o.id, o.name,
       coalesce(o.account_id, md5('bench-account:' || o.id::text)::uuid) AS account_id
FROM officers o JOIN officer_appointments oa ON oa.officer_id = o.id, ctx
WHERE oa.council_id = ctx.council_id AND o.active AND NOT EXISTS (SELECT 1 FROM officer_roles r WHERE r.appointment_id = oa.id);

CREATE TEMP TABLE sv ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY s.name, s.id) - 1)::int AS n, s.id, s.name
FROM services s, ctx WHERE s.council_id = ctx.council_id;

-- ------------------------------------------------------------------ the enquiries, in a staging table
CREATE TEMP TABLE e0 ON COMMIT DROP AS
SELECT i,
       least(date_trunc('day', now() - random() * interval '3650 days') + interval '8 hours' + random() * interval '10 hours',
             now() - interval '1 hour') AS received_at,
       random() AS r_status, random() AS r_member, random() AS r_channel, random() AS r_officer, random() AS r_service,
       random() AS r_subject, random() AS r_details, random() AS r_days, random() AS r_consent, random() AS r_copy,
       random() AS r_id
FROM generate_series(1, 100000) AS i;

CREATE TEMP TABLE e1 ON COMMIT DROP AS
SELECT e0.*,
       (e0.received_at AT TIME ZONE 'Europe/London')::date AS received_on,
       extract(epoch FROM now() - e0.received_at) / 86400 AS age_days,
       CASE WHEN e0.i % 50 = 0 THEN ctx.demo_member_id END AS demo_member_id,
       floor(power(e0.r_member, 1.6) * (SELECT count(*) FROM sm))::int AS member_n,
       floor(e0.r_officer * (SELECT count(*) FROM so))::int AS officer_n,
       CASE WHEN e0.r_service < 0.9 THEN floor(e0.r_service / 0.9 * (SELECT count(*) FROM sv))::int END AS service_n
FROM e0, ctx;

CREATE TEMP TABLE e2 ON COMMIT DROP AS
SELECT e1.*,
       CASE
           WHEN age_days < 30 THEN CASE WHEN r_status < 0.20 THEN 'Open' WHEN r_status < 0.60 THEN 'Assigned'
               WHEN r_status < 0.70 THEN 'HoldingReplySent' WHEN r_status < 0.90 THEN 'Answered' ELSE 'Closed' END
           WHEN age_days < 90 THEN CASE WHEN r_status < 0.03 THEN 'Assigned' WHEN r_status < 0.05 THEN 'HoldingReplySent'
               WHEN r_status < 0.15 THEN 'Answered' WHEN r_status < 0.17 THEN 'MovedToComplaints' ELSE 'Closed' END
           ELSE CASE WHEN r_status < 0.02 THEN 'MovedToComplaints' WHEN r_status < 0.05 THEN 'Answered' ELSE 'Closed' END
       END AS status
FROM e1;

CREATE TEMP TABLE st ON COMMIT DROP AS
SELECT e2.i,
       -- A version-7-like id: time-ordered like Guid.CreateVersion7.
       (lpad(to_hex((extract(epoch FROM e2.received_at) * 1000)::bigint), 12, '0') || '7'
           || substr(md5(e2.i::text || ':' || e2.r_id::text), 1, 3) || '8'
           || substr(md5(e2.r_id::text || ':' || e2.i::text), 1, 15))::uuid AS id,
       ctx.council_id,
       'SOS-' || extract(year FROM e2.received_on)::int || '-0' || lpad(e2.i::text, 6, '0') AS reference,
       coalesce(e2.demo_member_id, sm.id) AS member_id,
       CASE WHEN e2.demo_member_id IS NOT NULL THEN (SELECT m.ward_id FROM members m WHERE m.id = e2.demo_member_id) ELSE sm.ward_id END AS ward_id,
       -- Members with a Nolan account mostly log their own (Portal); the Hub logs the rest from email and calls.
       CASE WHEN e2.demo_member_id IS NOT NULL AND e2.r_channel < 0.7 THEN 'Portal'
            WHEN sm.account_id IS NOT NULL AND e2.r_channel < 0.7 THEN 'Portal'
            WHEN e2.r_channel < 0.75 THEN 'Email' WHEN e2.r_channel < 0.93 THEN 'Phone' ELSE 'InPerson' END AS channel,
       e2.received_at, e2.received_on, e2.status, e2.age_days, e2.r_subject, e2.r_details, e2.r_days, e2.r_consent, e2.r_copy,
       e2.received_on + 14 AS due_on,
       e2.received_on + 28 AS very_overdue_after,
       CASE WHEN e2.status = 'HoldingReplySent' THEN e2.received_on + 24 END AS promised_by,
       CASE WHEN e2.status = 'Open' THEN NULL ELSE so.id END AS assigned_officer_id,
       so.name AS officer_name, so.account_id AS officer_account_id,
       sv.id AS service_id, sv.name AS service_name,
       coalesce(sm.name, ctx.demo_name) AS member_name
FROM e2
CROSS JOIN ctx
LEFT JOIN sm ON sm.n = e2.member_n
LEFT JOIN so ON so.n = e2.officer_n
LEFT JOIN sv ON sv.n = e2.service_n;

ALTER TABLE st ADD COLUMN logged_by_account_id uuid, ADD COLUMN logged_by_name text,
    ADD COLUMN accepted_at timestamptz, ADD COLUMN answered_at timestamptz, ADD COLUMN closed_at timestamptz,
    ADD COLUMN subject text, ADD COLUMN details text, ADD COLUMN has_constituent_data boolean, ADD COLUMN consent_evidence text;

UPDATE st SET
    logged_by_account_id = CASE WHEN channel = 'Portal' THEN coalesce((SELECT m.account_id FROM members m WHERE m.id = st.member_id), ctx.hub_account_id) ELSE ctx.hub_account_id END,
    logged_by_name = CASE WHEN channel = 'Portal' THEN member_name ELSE ctx.hub_name END,
    accepted_at = CASE WHEN status <> 'Open' THEN received_at + interval '1 day' + r_days * interval '1 day' END,
    answered_at = CASE WHEN status IN ('Answered', 'Closed') THEN received_at + interval '2 days' + r_days * interval '18 days' END,
    closed_at = CASE WHEN status = 'Closed' THEN received_at + interval '5 days' + r_days * interval '20 days'
                     WHEN status = 'MovedToComplaints' THEN received_at + interval '3 days' + r_days * interval '5 days' END,
    subject = (ARRAY['Fly-tipping behind the shops on', 'Overflowing bins on', 'Pothole outside number 14,', 'Street light out on',
        'Parking enforcement requested on', 'Overgrown hedge blocking the pavement on', 'Housing repair outstanding at a flat on',
        'Council tax query from a resident of', 'Planning enforcement concern about a property on', 'Graffiti on the underpass near',
        'Blocked drain flooding the road on', 'Antisocial behaviour reported near the park on', 'Missed garden waste collection on',
        'Request for dropped kerb on', 'Noise complaint from residents of', 'Damaged play equipment in the park off'])[1 + floor(r_subject * 16)::int]
        || ' ' || (ARRAY['London Road', 'Victoria Avenue', 'Southchurch Road', 'Hamlet Court Road', 'Eastern Esplanade', 'Fairfax Drive',
        'Westcliff Parade', 'Kenilworth Gardens', 'Prittlewell Chase', 'North Road', 'Bournemouth Park Road', 'Thorpe Hall Avenue',
        'Leigh Road', 'Eastwood Road North', 'Rochford Road', 'Shoeburyness High Street'])[1 + floor(r_details * 16)::int],
    details = left(repeat('A resident has contacted me about this and asked me to raise it with the council. They first reported it '
        || 'several weeks ago and have heard nothing back. The problem is getting worse and neighbours are now complaining too. '
        || 'Could officers please look into it, tell me what action will be taken and by when, and let me know whether the '
        || 'resident needs to do anything further? I have attached their description and photographs to my email. ', 6),
        200 + floor(r_details * 1300)::int),
    has_constituent_data = r_consent < 0.3,
    consent_evidence = CASE WHEN r_consent < 0.3 THEN 'Email from the resident asking me to raise this on their behalf, kept on file.' END
FROM ctx;

-- ------------------------------------------------------------------ enquiries
INSERT INTO enquiries (id, council_id, reference, member_id, logged_by_account_id, channel, subject, details, ward_id, service_id,
    has_constituent_data, consent_evidence, received_at, received_on, protocol_version, due_on, very_overdue_after, promised_by,
    complaint_due_on, status, assigned_officer_id, accepted_at, answered_at, closed_at, awaiting_written_confirmation,
    created_at, updated_at, version)
SELECT st.id, st.council_id, st.reference, st.member_id, st.logged_by_account_id, st.channel, st.subject, st.details, st.ward_id,
    st.service_id, st.has_constituent_data, st.consent_evidence, st.received_at, st.received_on, ctx.protocol_version, st.due_on,
    st.very_overdue_after, st.promised_by, NULL, st.status, st.assigned_officer_id, st.accepted_at, st.answered_at, st.closed_at,
    false, st.received_at, coalesce(st.closed_at, st.answered_at, st.accepted_at, st.received_at),
    CASE st.status WHEN 'Open' THEN 1 WHEN 'Assigned' THEN 2 WHEN 'HoldingReplySent' THEN 3 WHEN 'Answered' THEN 3
        WHEN 'MovedToComplaints' THEN 3 ELSE 4 END
FROM st, ctx
ORDER BY st.received_at;

-- ------------------------------------------------------------------ duties (the reply each enquiry owes or owed)
INSERT INTO duties (id, council_id, item_type, item_id, kind, owed_by_officer_id, due_on, promised_on, effective_due_on,
    very_overdue_after, protocol_version, citation, created_at, met_at, met_how)
SELECT e.id, e.council_id, 'enquiry', e.id, 'EnquiryReply', e.assigned_officer_id, e.due_on, e.promised_by,
    coalesce(e.promised_by, e.due_on), e.very_overdue_after, e.protocol_version, NULL, e.created_at,
    CASE WHEN e.status IN ('Open', 'Assigned', 'HoldingReplySent') THEN NULL ELSE coalesce(e.answered_at, e.closed_at, e.updated_at) END,
    CASE WHEN e.status IN ('Open', 'Assigned', 'HoldingReplySent') THEN NULL ELSE 'response' END
FROM enquiries e WHERE e.due_on IS NOT NULL;

-- ------------------------------------------------------------------ activities (2-4 each)
INSERT INTO enquiry_activities (id, enquiry_id, kind, at, by_account_id, by_name, body, reason, action_taken, new_deadline,
    subject_id, subject_name, oral, internal, citation)
SELECT gen_random_uuid(), a.enquiry_id, a.kind, a.at, a.by_account_id, a.by_name, a.body, a.reason, a.action_taken,
    a.new_deadline, a.subject_id, a.subject_name, false, false, a.citation
FROM (
    SELECT st.id AS enquiry_id, 'Logged' AS kind, st.received_at AS at, st.logged_by_account_id AS by_account_id,
        st.logged_by_name AS by_name, 'A substantive response should be sent within 10 working days of receipt.' AS body,
        NULL AS reason, NULL AS action_taken, NULL::date AS new_deadline, NULL::uuid AS subject_id, NULL AS subject_name,
        'southend-on-sea/part-5d §9.1.5' AS citation
    FROM st
    UNION ALL
    SELECT st.id, 'Routed', st.received_at, st.logged_by_account_id, st.logged_by_name,
        'Sent to the Members Support Hub, which logs it and finds the right officer.', NULL, NULL, NULL, NULL, NULL,
        'southend-on-sea/part-5d §9.1.2'
    FROM st
    UNION ALL
    SELECT st.id, 'Assigned', st.received_at + interval '4 hours', ctx.hub_account_id, ctx.hub_name,
        'Passed to ' || st.officer_name || coalesce(' (' || st.service_name || ')', '') || ' to answer.', NULL, NULL, NULL,
        st.assigned_officer_id, st.officer_name, NULL
    FROM st, ctx WHERE st.status <> 'Open'
    UNION ALL
    SELECT st.id,
        CASE st.status WHEN 'HoldingReplySent' THEN 'HoldingReply' WHEN 'MovedToComplaints' THEN 'MovedToComplaints' ELSE 'Response' END,
        coalesce(st.answered_at, st.closed_at, st.received_at + interval '9 days'), st.officer_account_id, st.officer_name,
        CASE st.status
            WHEN 'HoldingReplySent' THEN NULL
            WHEN 'MovedToComplaints' THEN 'Moved to Complaints Procedure. The resident''s concern is about the service they received, so it is a complaint.'
            ELSE left(repeat('Thank you for raising this. The team visited the site, and the work has been scheduled; the resident '
                || 'will be contacted directly with a date. Please let me know if anything further is needed. ', 4),
                150 + floor(st.r_details * 500)::int)
        END,
        CASE WHEN st.status = 'HoldingReplySent' THEN 'The contractor needs to inspect the site before a full answer can be given.' END,
        CASE WHEN st.status = 'HoldingReplySent' THEN 'An inspection has been booked for next week.' END,
        st.promised_by, NULL, NULL,
        CASE st.status WHEN 'HoldingReplySent' THEN 'southend-on-sea/part-5d §9.1.7' WHEN 'MovedToComplaints' THEN 'southend-on-sea/part-5d §9.1.8' END
    FROM st WHERE st.status NOT IN ('Open', 'Assigned')
) AS a
ORDER BY a.at;

-- ------------------------------------------------------------------ audit: one enquiry.logged event each, hash-chained
CREATE TEMP TABLE ae ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, st.council_id, 'enquiry/' || st.id::text AS stream, 1 AS seq,
    date_trunc('microseconds', st.received_at) AS at, st.logged_by_account_id AS actor_account_id, st.logged_by_name AS actor_name,
    'enquiry.logged' AS action, 'enquiry' AS entity_type, st.id AS entity_id,
    json_build_object('old', NULL, 'new', json_build_object(
        'reference', st.reference, 'memberId', st.member_id, 'channel', st.channel, 'subject', st.subject,
        'wardId', st.ward_id, 'serviceId', st.service_id, 'hasConstituentData', st.has_constituent_data,
        'receivedOn', st.received_on, 'dueOn', st.due_on, 'protocolVersion', 'southend-on-sea/part-5d',
        'status', 'Open', 'assignedOfficerId', NULL))::text AS data,  -- as logged: Southend routes to the Hub
    'southend-on-sea/part-5d §9.1.5' AS citation,
    repeat('0', 64) AS prev_hash
FROM st;

-- AuditEvent.ComputeHash: SHA-256 over the fields joined with U+001F.
INSERT INTO audit_events (id, council_id, stream, seq, at, actor_account_id, actor_name, action, entity_type, entity_id, data,
    citation, prev_hash, hash, seal_id)
SELECT ae.id, ae.council_id, ae.stream, ae.seq, ae.at, ae.actor_account_id, ae.actor_name, ae.action, ae.entity_type, ae.entity_id,
    ae.data, ae.citation, ae.prev_hash,
    encode(sha256(convert_to(concat_ws(chr(31), ae.prev_hash, ae.stream, ae.seq::text,
        to_char(ae.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), coalesce(ae.actor_account_id::text, ''),
        ae.actor_name, ae.action, ae.entity_type, ae.entity_id::text, ae.data, coalesce(ae.citation, ''),
        coalesce(ae.council_id::text, '')), 'UTF8')), 'hex'),
    NULL
FROM ae
ORDER BY ae.at;

-- One seal over the seeded events (AuditChain.SealAsync), so the sealer only sees what the benchmark writes.
CREATE TEMP TABLE seal ON COMMIT DROP AS
SELECT gen_random_uuid() AS id,
    coalesce((SELECT max(number) FROM audit_seals), 0) + 1 AS number,
    date_trunc('microseconds', now()) AS at,
    (SELECT count(*) FROM audit_events WHERE seal_id IS NULL)::int AS event_count,
    (SELECT encode(sha256(convert_to(string_agg(hash, '' ORDER BY stream, seq), 'UTF8')), 'hex')
        FROM audit_events WHERE seal_id IS NULL) AS events_digest,
    coalesce((SELECT hash FROM audit_seals ORDER BY number DESC LIMIT 1), repeat('0', 64)) AS prev_hash;

INSERT INTO audit_seals (id, number, at, event_count, events_digest, prev_hash, hash)
SELECT id, number, at, event_count, events_digest, prev_hash,
    encode(sha256(convert_to(concat_ws(chr(31), prev_hash, number::text,
        to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), event_count::text, events_digest), 'UTF8')), 'hex')
FROM seal;

UPDATE audit_events SET seal_id = (SELECT id FROM seal) WHERE seal_id IS NULL;

-- ------------------------------------------------------------------ copies to other members (access grants)
INSERT INTO access_grants (id, council_id, resource_type, resource_id, member_id, officer_id, effect, reason, citation,
    granted_by_account_id, granted_at, expires_at)
SELECT gen_random_uuid(), st.council_id, 'enquiry', st.id,
    CASE WHEN st.i % 1000 = 7 THEN ctx.demo_member_id
         ELSE (SELECT sm.id FROM sm WHERE sm.n = (st.i / 100) % (SELECT count(*) FROM sm)) END,
    NULL, 'Allow', 'Copied to the member', NULL, st.logged_by_account_id, st.received_at + interval '1 day', NULL
FROM st, ctx
WHERE st.i % 100 = 7 AND st.member_id <> coalesce(
    CASE WHEN st.i % 1000 = 7 THEN ctx.demo_member_id ELSE (SELECT sm.id FROM sm WHERE sm.n = (st.i / 100) % (SELECT count(*) FROM sm)) END,
    '00000000-0000-0000-0000-000000000000'::uuid);

-- ------------------------------------------------------------------ the baseline app's table
DROP TABLE IF EXISTS bench_enquiries;
CREATE TABLE bench_enquiries (LIKE enquiries INCLUDING ALL);
INSERT INTO bench_enquiries SELECT * FROM enquiries ORDER BY received_at;
-- The same-rows baseline (POST /insert-tx) writes into copies of the tables a logged enquiry writes to, with their
-- indexes and (for activities and audit events) their rows.
DROP TABLE IF EXISTS bench_enquiry_activities, bench_audit_events, bench_outbox_messages, bench_in_app_notifications, bench_duties;
CREATE TABLE bench_enquiry_activities (LIKE enquiry_activities INCLUDING ALL);
INSERT INTO bench_enquiry_activities SELECT * FROM enquiry_activities;
CREATE TABLE bench_audit_events (LIKE audit_events INCLUDING ALL);
INSERT INTO bench_audit_events SELECT * FROM audit_events;
CREATE TABLE bench_outbox_messages (LIKE outbox_messages INCLUDING ALL);
CREATE TABLE bench_in_app_notifications (LIKE in_app_notifications INCLUDING ALL);
CREATE TABLE bench_duties (LIKE duties INCLUDING ALL);
-- The baseline SELECT reads its own copy with the index that suits it best, (member_id, received_at), so that
-- neither baseline is slowed by Nolan's choice of indexes nor the INSERT baseline by an extra one.
DROP TABLE IF EXISTS bench_enquiries_read;
CREATE TABLE bench_enquiries_read (LIKE enquiries INCLUDING ALL);
INSERT INTO bench_enquiries_read SELECT * FROM enquiries ORDER BY received_at;
CREATE INDEX ix_bench_enquiries_read_member_received ON bench_enquiries_read (member_id, received_at);

COMMIT;

VACUUM ANALYZE enquiries;
VACUUM ANALYZE enquiry_activities;
VACUUM ANALYZE audit_events;
VACUUM ANALYZE audit_seals;
VACUUM ANALYZE access_grants;
VACUUM ANALYZE bench_enquiries;
VACUUM ANALYZE bench_enquiries_read;
VACUUM ANALYZE bench_enquiry_activities;
VACUUM ANALYZE bench_audit_events;
ANALYZE;

SELECT 'seeded' AS step,
    (SELECT count(*) FROM enquiries) AS enquiries,
    (SELECT count(*) FROM enquiry_activities) AS activities,
    (SELECT count(*) FROM audit_events) AS audit_events,
    (SELECT count(*) FROM access_grants) AS access_grants,
    (SELECT count(*) FROM enquiries e JOIN members m ON m.id = e.member_id JOIN accounts a ON a.id = m.account_id
        WHERE a.email = 'member@southend-on-sea.demo') AS demo_member_enquiries,
    (SELECT count(*) FROM enquiries e JOIN members m ON m.id = e.member_id JOIN accounts a ON a.id = m.account_id
        WHERE a.email = 'member@southend-on-sea.demo' AND e.status IN ('Open', 'Assigned', 'HoldingReplySent')) AS demo_member_live,
    (SELECT count(*) FROM bench_enquiries) AS bench_enquiries;
