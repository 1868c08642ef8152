-- boolean, bytea, uuid: input forms, output, comparisons, ordering, casts; pg_typeof of everything.
SELECT true, false, 't'::boolean, 'f'::boolean, 'yes'::boolean, 'no'::boolean, 'on'::boolean, 'off'::boolean, '1'::boolean, '0'::boolean, ' TRUE '::boolean, 'y'::boolean
;;
SELECT 'maybe'::boolean
;;
SELECT ''::boolean
;;
SELECT 'o'::boolean
;;
SELECT 1::boolean, 0::boolean, 5::boolean, true::integer, false::integer
;;
SELECT 1::bigint::boolean
;;
SELECT 1.0::boolean
;;
SELECT true AND NULL, false AND NULL, true OR NULL, false OR NULL, NOT NULL::boolean, NULL::boolean IS NULL
;;
SELECT true > false, true = 't', false < NULL, true IS TRUE, NULL IS NOT FALSE, false IS UNKNOWN, NULL::boolean IS UNKNOWN
;;
SELECT greatest(true, false), least(true, false, NULL), true::text, false::varchar(3), true::char(1)
;;
SELECT id, b, NOT b, b AND id > 5, b OR id > 5, b IS TRUE, b IS NOT FALSE, b IS UNKNOWN FROM everything ORDER BY id
;;
SELECT id FROM everything WHERE b ORDER BY id
;;
SELECT id FROM everything WHERE NOT b ORDER BY id
;;
SELECT id FROM everything WHERE b IS NOT TRUE ORDER BY id
;;
SELECT id FROM everything WHERE b = (id % 2 = 1) ORDER BY id
;;
SELECT id, b FROM everything ORDER BY b, id
;;
SELECT id, b FROM everything ORDER BY b DESC NULLS LAST, id
;;
SELECT '\x'::bytea, '\xDEADbeef'::bytea, '\x 01 02'::bytea, 'abc'::bytea, E'\\000'::bytea, 'a\\b'::bytea, '\134'::bytea, 'é'::bytea
;;
SELECT '\x0'::bytea
;;
SELECT '\xzz'::bytea
;;
SELECT E'\\9'::bytea
;;
SELECT '\x01'::bytea || '\x02'::bytea, '\x'::bytea || '\xff'::bytea, octet_length('\x010203'::bytea), length('\x010203'::bytea), octet_length(''::bytea)
;;
SELECT '\x01'::bytea < '\x02'::bytea, '\x01'::bytea < '\x0100'::bytea, '\xff'::bytea > '\x00ff'::bytea, '\x'::bytea < '\x00'::bytea, 'abc'::bytea = '\x616263'::bytea
;;
SELECT '\x6869'::bytea::text, 'hi'::text::bytea, ''::bytea::text
;;
SELECT id, by, by || '\x00'::bytea, octet_length(by), length(by), by::text FROM everything ORDER BY id
;;
SELECT id FROM everything WHERE by = '\x00' ORDER BY id
;;
SELECT id FROM everything WHERE by > '\x0a' ORDER BY id
;;
SELECT id, by FROM everything ORDER BY by, id
;;
SELECT id, by FROM everything ORDER BY by DESC NULLS LAST, id
;;
SELECT id, payload, flag, n FROM tokens ORDER BY id
;;
SELECT id, payload FROM tokens ORDER BY payload NULLS FIRST, id
;;
SELECT id FROM tokens WHERE payload = 'hello'
;;
SELECT id, octet_length(payload), payload || payload FROM tokens ORDER BY id DESC
;;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid, '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::uuid, 'a0eebc999c0b4ef8bb6d6bb9bd380a11'::uuid, 'a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11'::uuid
;;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1'::uuid
;;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111'::uuid
;;
SELECT 'g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid
;;
SELECT '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid
;;
SELECT '00000000-0000-0000-0000-000000000001'::uuid < '00000000-0000-0000-0000-000000000002'::uuid, '80000000-0000-0000-0000-000000000000'::uuid > '7fffffff-ffff-ffff-ffff-ffffffffffff'::uuid, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid = 'A0EEBC999C0B4EF8BB6D6BB9BD380A11'
;;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid::text, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::text::uuid, length('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid::text)
;;
SELECT id, u, u::text, upper(u::text) FROM everything ORDER BY id
;;
SELECT id, u FROM everything ORDER BY u, id
;;
SELECT id, u FROM everything ORDER BY u DESC NULLS FIRST, id
;;
SELECT id FROM everything WHERE u > 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' ORDER BY id
;;
SELECT id FROM everything WHERE u = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12' OR u IS NULL ORDER BY id
;;
SELECT id FROM tokens WHERE id = '7fffffff-ffff-ffff-ffff-ffffffffffff'
;;
SELECT id, n FROM tokens WHERE id > '7fffffff-ffff-ffff-ffff-ffffffffffff' ORDER BY id
;;
SELECT id, n FROM tokens WHERE id BETWEEN '00000000-0000-0000-0000-000000000000' AND '80000000-0000-0000-0000-000000000000' ORDER BY id DESC
;;
SELECT id, n FROM tokens WHERE id IN ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '00000000-0000-0000-0000-000000000001', '12345678-1234-1234-1234-123456789012') ORDER BY id
;;
SELECT id FROM tokens WHERE flag ORDER BY id
;;
SELECT id FROM tokens WHERE flag IS NULL ORDER BY id
;;
SELECT id FROM tokens WHERE id = 'not-a-uuid'
;;
SELECT pg_typeof(true)::text, pg_typeof(1::smallint)::text, pg_typeof(1)::text, pg_typeof(1::bigint)::text, pg_typeof(1::real)::text, pg_typeof(1::float8)::text, pg_typeof(1.0)::text
;;
SELECT pg_typeof('a'::text)::text, pg_typeof('a'::varchar(3))::text, pg_typeof('a'::char(2))::text, pg_typeof('\x'::bytea)::text, pg_typeof('2024-01-01'::date)::text, pg_typeof('1:00'::time)::text
;;
SELECT pg_typeof('2024-01-01'::timestamp)::text, pg_typeof('2024-01-01'::timestamptz)::text, pg_typeof('1 day'::interval)::text, pg_typeof('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid)::text, pg_typeof(NULL)::text, pg_typeof('x')::text
;;
SELECT pg_typeof(b)::text, pg_typeof(i2)::text, pg_typeof(n52)::text, pg_typeof(vc)::text, pg_typeof(ch)::text, pg_typeof(tz)::text, pg_typeof(iv)::text FROM everything WHERE id = 1
;;
SELECT pg_typeof(d + 1)::text, pg_typeof(d - d)::text, pg_typeof(d + tm)::text, pg_typeof(ts - ts)::text, pg_typeof(tz + iv)::text, pg_typeof(tm - tm)::text, pg_typeof(d + iv)::text FROM everything WHERE id = 1
;;
SELECT pg_typeof(i2 + i2)::text, pg_typeof(i2 + i4)::text, pg_typeof(i4 * i8)::text, pg_typeof(f4 + f4)::text, pg_typeof(f4 + i4)::text, pg_typeof(n + i4)::text, pg_typeof(n + f4)::text, pg_typeof(n52 * 2)::text FROM everything WHERE id = 1
;;
SELECT pg_typeof(vc || vc)::text, pg_typeof(ch || ch)::text, pg_typeof(upper(vc))::text, pg_typeof(coalesce(vc, 'x'))::text, pg_typeof(coalesce(ch, vc))::text, pg_typeof(by || by)::text FROM everything WHERE id = 1
;;
SELECT pg_typeof(extract(year FROM d))::text, pg_typeof(date_part('year', d))::text, pg_typeof(date_trunc('day', ts))::text, pg_typeof(date_trunc('day', tz))::text, pg_typeof(length(t))::text FROM everything WHERE id = 1
;;
SELECT pg_typeof(sum(i2))::text, pg_typeof(sum(i4))::text, pg_typeof(sum(i8))::text, pg_typeof(avg(i4))::text, pg_typeof(sum(f4))::text, pg_typeof(avg(f4))::text, pg_typeof(sum(n))::text, pg_typeof(count(*))::text FROM everything
;;
SELECT pg_typeof(sum(iv))::text, pg_typeof(avg(iv))::text, pg_typeof(min(d))::text, pg_typeof(max(vc))::text, pg_typeof(string_agg(t, ','))::text, pg_typeof(bool_and(b))::text FROM everything
;;
SELECT pg_typeof(CASE WHEN true THEN 1 ELSE 2.5 END)::text, pg_typeof(CASE WHEN true THEN 1::smallint ELSE 2 END)::text, pg_typeof(greatest(1, 2::bigint))::text, pg_typeof(nullif(1::real, 2))::text
