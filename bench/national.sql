-- Nolan at national scale: 300 councils, 20,000 officers, 5 million enquiries over three years, 50 million audit
-- events (bench/national.sh, bench/README.md "National scale").
--
--   psql -v scale=1 -v ON_ERROR_STOP=1 -f bench/national.sql "host=... dbname=nolan"
--
-- Run on a migrated Nolan database that holds the demo directory (nolan seed-demo). scale multiplies the enquiries
-- and audit events (scale=0.02: 100,000 and 1,000,000), never the directory. Deterministic (setseed, md5 of numbers).
--
-- Adds:
--   * 300 councils "National Council 001..300" on the southend-on-sea preset, each with 30 wards, 30 services (each
--     with a manager), 55 members and ~67 officers (20,000 in all): officer 0 of each council is its Chief Executive,
--     1 its Monitoring Officer, 2 its Members Support Hub, 1-6 line-manage the rest.
--   * enquiries spread over the councils and the last 1,095 days; members skewed (power 1.6); 90% name a service;
--     status by age (older ones finished). Council 001 also holds member 0's 20,000 enquiries and member 1's 2,000,
--     the two the list and dashboard are measured at.
--   * ten audit events per enquiry (enquiry/<id>, seq 1..10), hashes not chained (this data set measures reads, not
--     verify-audit; bench/seed.sql's is the verifiable one).
--   * accounts and API tokens for the measured people (secrets nolan_national-<who>): bench-member-20k, bench-member-2k,
--     bench-officer (officer 7 of council 001, who holds a caseload), bench-manager (officer 1, line manager), bench-hub
--     (officer 2, the Hub), bench-mo (officer 1 is also the Monitoring Officer). Passwords are the demo password.
-- Not generated: activities, duties, grants (the measured pages do not read them; the figures' holding-reply count
-- then comes from promised dates alone).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET maintenance_work_mem = '1GB';
SET work_mem = '256MB';
SELECT setseed(0.20261202);

DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM councils WHERE slug = 'national-001') THEN
        RAISE EXCEPTION 'This database already holds the national data set';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM accounts WHERE email = 'member@southend-on-sea.demo') THEN
        RAISE EXCEPTION 'Seed the demo directory first (nolan seed-demo)';
    END IF;
END $$;

CREATE TEMP TABLE params AS
SELECT 300 AS councils, 30 AS wards, 30 AS services, 55 AS members, 20000 AS officers,
       round(5000000 * :scale)::bigint AS enquiries, 10 AS events_per_enquiry,
       (SELECT password_hash FROM accounts WHERE email = 'member@southend-on-sea.demo') AS password_hash,
       date_trunc('hour', now()) AS t0;

-- ------------------------------------------------------------------ the directory
INSERT INTO councils (id, slug, name, preset_slug, short_code)
SELECT md5('council:' || c)::uuid, 'national-' || lpad(c::text, 3, '0'), 'National Council ' || lpad(c::text, 3, '0'),
       'southend-on-sea', 'N' || lpad(c::text, 3, '0')
FROM params, generate_series(1, params.councils) c;

INSERT INTO wards (id, council_id, name)
SELECT md5('ward:' || c || ':' || w)::uuid, md5('council:' || c)::uuid, 'Ward ' || lpad(w::text, 2, '0')
FROM params, generate_series(1, params.councils) c, generate_series(0, params.wards - 1) w;

-- Officer k of council c is officer number c + 300 k (k from 0).
INSERT INTO officers (id, name, email, job_title, grade, line_manager_id, active)
SELECT md5('officer:' || o)::uuid,
       'Officer ' || o, 'officer' || o || '@national.bench', 'Officer',
       CASE WHEN k = 0 THEN 'ChiefExecutive' WHEN k <= 6 THEN 'HeadOfService' ELSE 'Officer' END,
       CASE WHEN k = 0 THEN NULL WHEN k <= 6 THEN md5('officer:' || c)::uuid
            ELSE md5('officer:' || (c + params.councils * (1 + k % 6)))::uuid END,
       true
FROM params, generate_series(1, params.officers) o,
     LATERAL (SELECT 1 + (o - 1) % params.councils AS c, (o - 1) / params.councils AS k) ck;

INSERT INTO officer_appointments (id, council_id, officer_id)
SELECT md5('appointment:' || o)::uuid, md5('council:' || (1 + (o - 1) % params.councils))::uuid, md5('officer:' || o)::uuid
FROM params, generate_series(1, params.officers) o;

INSERT INTO officer_roles (appointment_id, role)
SELECT md5('appointment:' || (c + params.councils * r.k))::uuid, r.role
FROM params, generate_series(1, params.councils) c,
     (VALUES (0, 'ChiefExecutive'), (1, 'MonitoringOfficer'), (2, 'MembersSupportHub')) AS r(k, role);

INSERT INTO services (id, council_id, name, manager_id)
SELECT md5('service:' || c || ':' || s)::uuid, md5('council:' || c)::uuid, 'Service ' || lpad(s::text, 2, '0'),
       md5('officer:' || (c + params.councils * (1 + s % 6)))::uuid
FROM params, generate_series(1, params.councils) c, generate_series(0, params.services - 1) s;

INSERT INTO members (id, council_id, name, email, kind, roles, ward_id, active)
SELECT md5('member:' || c || ':' || m)::uuid, md5('council:' || c)::uuid, 'Member ' || c || '-' || m,
       'member' || c || '-' || m || '@national.bench', 'Elected', 'None', md5('ward:' || c || ':' || (m % params.wards))::uuid, true
FROM params, generate_series(1, params.councils) c, generate_series(0, params.members - 1) m;

-- The measured people: accounts, linked seats, tokens.
CREATE TEMP TABLE who (name text, email text, member_id uuid, officer_id uuid);
INSERT INTO who VALUES
    ('member-20k', 'member-20k@national.bench', md5('member:1:0')::uuid, NULL),
    ('member-2k', 'member-2k@national.bench', md5('member:1:1')::uuid, NULL),
    ('officer', 'officer@national.bench', NULL, md5('officer:' || (1 + 300 * 7))::uuid),
    ('manager', 'manager@national.bench', NULL, md5('officer:' || (1 + 300 * 1))::uuid),
    ('hub', 'hub@national.bench', NULL, md5('officer:' || (1 + 300 * 2))::uuid);

INSERT INTO accounts (id, email, display_name, password_hash, notify_by, daily_digest, weekly_digest, disabled, is_system_admin)
SELECT md5('account:' || who.name)::uuid, who.email, 'Bench ' || who.name, params.password_hash, 'EmailAndInApp', false, false, false, false
FROM who, params;
UPDATE members m SET account_id = md5('account:' || who.name)::uuid FROM who WHERE who.member_id = m.id;
UPDATE officers o SET account_id = md5('account:' || who.name)::uuid FROM who WHERE who.officer_id = o.id;

INSERT INTO api_tokens (id, account_id, name, prefix, secret_hash, created_at, expires_at)
SELECT md5('token:' || who.name)::uuid, md5('account:' || who.name)::uuid, 'national bench',
       left('nolan_national-' || who.name, 10), encode(sha256(convert_to('nolan_national-' || who.name, 'UTF8')), 'hex'),
       now(), now() + interval '7 days'
FROM who;

-- ------------------------------------------------------------------ enquiries
-- Index builds after the load are several times faster than keeping each index up to date row by row.
CREATE TEMP TABLE dropped AS
SELECT indexname, indexdef FROM pg_indexes
WHERE schemaname = 'public' AND tablename IN ('enquiries', 'audit_events')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = pg_indexes.indexname);
DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT indexname FROM dropped LOOP EXECUTE 'DROP INDEX ' || quote_ident(r.indexname); END LOOP;
END $$;

CREATE TEMP TABLE gen AS
SELECT i,
       CASE WHEN i <= 22000 THEN 1 ELSE 1 + (i % params.councils) END AS c,
       CASE WHEN i <= 20000 THEN 0 WHEN i <= 22000 THEN 1 ELSE floor(power(random(), 1.6) * params.members)::int END AS m,
       params.t0 - random() * interval '1095 days' AS received_at,
       random() AS r_status, random() AS r_service, random() AS r_officer, random() AS r_days, random() AS r_subject, random() AS r_ward
FROM params, generate_series(1, params.enquiries + 22000) i;

INSERT INTO enquiries (id, council_id, reference, member_id, logged_by_account_id, channel, subject, details, ward_id, service_id,
    has_constituent_data, consent_evidence, awaiting_consent_evidence, received_at, received_on, protocol_version, due_on,
    very_overdue_after, promised_by, status, assigned_officer_id, accepted_at, answered_at, closed_at, awaiting_written_confirmation,
    created_at, updated_at, version)
SELECT (lpad(to_hex((extract(epoch FROM g.received_at) * 1000)::bigint), 12, '0') || '7'
           || substr(md5('e:' || g.i), 1, 3) || '8' || substr(md5('e2:' || g.i), 1, 15))::uuid,
       md5('council:' || g.c)::uuid,
       'N' || lpad(g.c::text, 3, '0') || '-' || extract(year FROM g.received_at)::int || '-' || lpad(g.i::text, 8, '0'),
       md5('member:' || g.c || ':' || g.m)::uuid,
       md5('account:hub')::uuid,
       CASE WHEN g.i % 3 = 0 THEN 'Email' WHEN g.i % 3 = 1 THEN 'Portal' ELSE 'Phone' END,
       (ARRAY['Fly-tipping behind the shops', 'Overflowing bins', 'Pothole outside number 14', 'Street light out',
              'Parking enforcement requested', 'Overgrown hedge blocking the pavement', 'Housing repair outstanding',
              'Council tax query from a resident', 'Planning enforcement concern', 'Graffiti on the underpass',
              'Blocked drain flooding the road', 'Antisocial behaviour near the park'])[1 + floor(g.r_subject * 12)::int]
           || ' (' || g.i || ')',
       'A resident has contacted me about this and asked me to raise it with the council. Could officers please look into it '
           || 'and tell me what action will be taken and by when?',
       md5('ward:' || g.c || ':' || floor(g.r_ward * params.wards)::int)::uuid,
       CASE WHEN g.r_service < 0.9 THEN md5('service:' || g.c || ':' || floor(g.r_service / 0.9 * params.services)::int)::uuid END,
       false, NULL, false,
       g.received_at, (g.received_at AT TIME ZONE 'Europe/London')::date, 'southend-on-sea/part-5d',
       (g.received_at AT TIME ZONE 'Europe/London')::date + 14, (g.received_at AT TIME ZONE 'Europe/London')::date + 28,
       CASE WHEN s.status = 'HoldingReplySent' OR (s.status IN ('Answered', 'Closed') AND g.r_days < 0.1)
            THEN (g.received_at AT TIME ZONE 'Europe/London')::date + 24 END,
       s.status,
       CASE WHEN s.status = 'Open' THEN NULL
            ELSE md5('officer:' || (g.c + params.councils * (7 + floor(g.r_officer * (params.officers / params.councils - 8))::int)))::uuid END,
       CASE WHEN s.status <> 'Open' THEN g.received_at + interval '1 day' END,
       CASE WHEN s.status IN ('Answered', 'Closed') THEN g.received_at + interval '2 days' + g.r_days * interval '20 days' END,
       CASE WHEN s.status = 'Closed' THEN g.received_at + interval '5 days' + g.r_days * interval '22 days' END,
       false, g.received_at,
       CASE WHEN s.status IN ('Answered', 'Closed') THEN g.received_at + interval '5 days' + g.r_days * interval '22 days'
            ELSE g.received_at + interval '1 day' END,
       CASE WHEN s.status = 'Open' THEN 1 ELSE 3 END
FROM gen g, params,
LATERAL (SELECT CASE
    WHEN params.t0 - g.received_at < interval '30 days' THEN
        CASE WHEN g.r_status < 0.20 THEN 'Open' WHEN g.r_status < 0.60 THEN 'Assigned' WHEN g.r_status < 0.70 THEN 'HoldingReplySent'
             WHEN g.r_status < 0.90 THEN 'Answered' ELSE 'Closed' END
    WHEN params.t0 - g.received_at < interval '90 days' THEN
        CASE WHEN g.r_status < 0.03 THEN 'Assigned' WHEN g.r_status < 0.05 THEN 'HoldingReplySent' WHEN g.r_status < 0.15 THEN 'Answered'
             WHEN g.r_status < 0.17 THEN 'MovedToComplaints' ELSE 'Closed' END
    ELSE CASE WHEN g.r_status < 0.02 THEN 'MovedToComplaints' WHEN g.r_status < 0.03 THEN 'Refused' WHEN g.r_status < 0.05 THEN 'Answered'
             ELSE 'Closed' END
    END AS status) s
ORDER BY g.received_at;

-- ------------------------------------------------------------------ audit events, ten per enquiry
INSERT INTO audit_events (id, council_id, stream, seq, at, actor_account_id, actor_name, action, entity_type, entity_id, data,
    citation, prev_hash, hash, seal_id)
SELECT md5('event:' || e.id || ':' || n)::uuid, e.council_id, 'enquiry/' || e.id, n,
       e.received_at + (n - 1) * interval '6 hours', md5('account:hub')::uuid, 'Bench hub',
       (ARRAY['enquiry.logged', 'enquiry.routed', 'enquiry.assigned', 'enquiry.accepted', 'enquiry.file-note', 'enquiry.holding-reply',
              'enquiry.file-note', 'enquiry.responded', 'enquiry.copied', 'enquiry.closed'])[n],
       'enquiry', e.id, '{}', 'southend-on-sea/part-5d §9.1.5',
       CASE WHEN n = 1 THEN repeat('0', 64) ELSE md5('h:' || e.id || ':' || (n - 1)) || md5('h2:' || e.id || ':' || (n - 1)) END,
       md5('h:' || e.id || ':' || n) || md5('h2:' || e.id || ':' || n), NULL
FROM enquiries e CROSS JOIN generate_series(1, (SELECT events_per_enquiry FROM params)) n
WHERE e.council_id IN (SELECT id FROM councils WHERE slug LIKE 'national-%');

DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT indexdef FROM dropped LOOP EXECUTE r.indexdef; END LOOP;
END $$;

ANALYZE;
SELECT (SELECT count(*) FROM councils) AS councils, (SELECT count(*) FROM officers) AS officers,
       (SELECT count(*) FROM enquiries) AS enquiries, (SELECT count(*) FROM audit_events) AS audit_events,
       pg_size_pretty(pg_database_size(current_database())) AS size;
