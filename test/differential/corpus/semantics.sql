-- Finer points: numeric scales and precision, float output, interval arithmetic and output,
-- implicit casts of unknown literals against columns, char(n) semantics in grouping and joins,
-- NaN and -0 in grouping, NULLs in subqueries, type resolution of CASE/COALESCE/UNION.
SELECT 1::numeric / 3 * 3, 2::numeric / 3, 1.000 / 3, 100 / 3.00000, 1 / 3::numeric(20,10), 123456789.123456789 / 1000
;;
SELECT 1e-20::numeric / 3, 1e20::numeric / 3, 0.000001 / 7, 10::numeric / 0.001, -7.5 / 2.5, 0 / 5.5
;;
SELECT 1.5 + 1.25, 1.50 + 1.250, 1.5 - 1.5, 0.10 * 0.10, 2.000 * 3.0, -0.0 * 5, 1.234 - 0.234
;;
SELECT 10.5 % 3, 10.5 % -3, -10.5 % 3, 10 % 3.25, 1e20 % 7, 0.7 % 0.2
;;
SELECT 12345678901234567890123456789 + 1, 99999999999999999999.99999 * 10, 1e-30 + 1e30, -1e-30 + 1
;;
SELECT round(2.345, 2), round(-2.345, 2), round(2.5, 0), round(0.5), round(-0.5), round(1.5), round(1e-30, 29), round(999.9999, 3)
;;
SELECT round(2.345::float8 * 100) / 100, round(0.125::float8, 2), round(1.005, 2), trunc(-0.999, 2), trunc(1e20, -19)
;;
SELECT sqrt(2::numeric), sqrt(1e-20), sqrt(100.00), sqrt(12345678901234567890), exp(2.0), ln(1e10), log(1e-10), log(7.0)
;;
SELECT power(2.0, 100), power(10.0, -5), power(2::numeric, 0.5), power(1.1, 10), power(-2.0, 3)
;;
SELECT power(-2.0, 0.5)
;;
SELECT power(0.0, -1)
;;
SELECT avg(x) FROM (SELECT 1::numeric AS x UNION ALL SELECT 2 UNION ALL SELECT 2) s
;;
SELECT avg(x), sum(x) FROM (SELECT 1.10 AS x UNION ALL SELECT 2.205 UNION ALL SELECT 3) s
;;
SELECT avg(x) FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 2) s
;;
SELECT avg(x), sum(x) FROM (SELECT 1::bigint AS x UNION ALL SELECT 9223372036854775807) s
;;
SELECT avg(x) FROM (SELECT 1::smallint AS x UNION ALL SELECT 2::smallint) s
;;
SELECT 1e22::float8, 1e21::float8, 1e-7::float8, 5e-324::float8, 2.2250738585072014e-308::float8, 123456789012345680::float8, 0.1::float8 * 3
;;
SELECT 1e6::real, 1e7::real, 1.17549435e-38::real, 1.4e-45::real, 3.4028235e38::real, 16777216::real + 1::real, 0.1::real * 3::real
;;
SELECT 100::float8 / 3, 2::float8 / 3 * 3, 1 / 3::real, 1e15::float8 + 0.3, 9007199254740993::float8
;;
SELECT '1.5e300'::float8 * '1e8'::float8, '-1e-300'::float8 / '1e10'::float8, '1e-320'::float8
;;
SELECT 1::float8 / 3::float8 = 1::numeric / 3, (1::float8 / 3)::numeric, (2::float8 / 3)::numeric(10,5), 0.1::float8::numeric + 0.2::float8::numeric
;;
SELECT '1 mon'::interval * 1.5, '1 mon'::interval / 7, '1 day'::interval * 0.3, '1 hour'::interval / 3, '1 year'::interval * 0.1, '-1 mon'::interval * 1.5
;;
SELECT '1 mon 1 day 1 hour'::interval * -1, '2 days 3 hours'::interval / 2, '7 mons'::interval / 2, '25 hours'::interval * 2
;;
SELECT '1 day'::interval - '1 mon'::interval, '-1 day 1 hour'::interval, '1 day -1 hour'::interval, '-1 year 1 mon'::interval, '1 year -1 mon'::interval, '-00:00:01'::interval
;;
SELECT '1 mon 30 days'::interval = '2 mons'::interval, '1 day'::interval = '86400 seconds'::interval, '1 year'::interval = '12 mons'::interval, '-1 day'::interval < '-23 hours'::interval
;;
SELECT '0.000001 seconds'::interval, '1.999999 seconds'::interval, '59.9999999 seconds'::interval, '0.5 mons'::interval, '0.1 years'::interval
;;
SELECT '2024-01-31'::timestamp + '1 mon'::interval - '1 mon'::interval, '2024-03-31'::date + '-1 mon'::interval, '2023-01-31'::date + '1 mon'::interval, '2024-02-29'::date + '4 years'::interval
;;
SELECT '2024-03-01'::date - '2024-02-01'::date, '2024-01-01'::date - '2024-12-31'::date, '0001-01-01'::date - '0001-12-31 BC'::date
;;
SELECT '2024-01-01 00:00'::timestamp - '2023-12-01 12:30'::timestamp, '2024-06-01 00:00'::timestamp - '2024-01-01 00:00'::timestamp, '2024-01-01'::timestamp - '0001-01-01'::timestamp
;;
SELECT age_diff FROM (SELECT '2024-05-17 10:00'::timestamp - '2020-02-29 12:00'::timestamp AS age_diff) s
;;
SELECT justify_interval('2024-05-17 10:00'::timestamp - '2020-02-29 12:00'::timestamp), justify_days('366 days'::interval), justify_hours('100 hours'::interval)
;;
SELECT extract(epoch FROM '2024-01-01 00:00'::timestamp - '2023-01-01 00:00'::timestamp), extract(epoch FROM '1 mon'::interval), extract(epoch FROM '1 year'::interval), extract(day FROM '2024-03-01'::timestamp - '2024-01-01'::timestamp)
;;
SELECT extract(second FROM '00:00:59.999999'::time), extract(millisecond FROM '00:00:59.999999'::time), extract(microsecond FROM '1 minute 2.5 seconds'::interval), extract(epoch FROM '24:00'::time)
;;
SELECT extract(year FROM '0001-01-01 BC'::date), extract(decade FROM '0001-01-01 BC'::date), extract(millennium FROM '0001-01-01 BC'::date), extract(dow FROM '0001-01-01 BC'::date), extract(doy FROM '2023-12-31'::date)
;;
SELECT date_trunc('week', '2024-12-31'::timestamp), date_trunc('week', '2021-01-03'::timestamp), date_trunc('quarter', '2024-12-31 23:59'::timestamp), date_trunc('decade', '0005-01-01 BC'::timestamp), date_trunc('millennium', '2001-01-01'::timestamp)
;;
SELECT make_date(2024, 1, 31) + 30, make_date(-1, 12, 31), make_date(5874897, 12, 31)
;;
SELECT make_date(2024, 13, 1)
;;
SELECT make_date(2024, 1, 32)
;;
SELECT to_timestamp(253402300799), to_timestamp(-62135596800), to_timestamp(0.000001), to_timestamp(-0.5), to_timestamp(1e10)
;;
SELECT id FROM everything WHERE i4 = '10'
;;
SELECT id FROM everything WHERE i4 = '10.5'
;;
SELECT id FROM everything WHERE i2 = 10.0 OR i4 = 70.0 ORDER BY id
;;
SELECT id FROM everything WHERE i4 = 10.5
;;
SELECT id FROM everything WHERE i8 > 9223372036854775806.5
;;
SELECT id FROM everything WHERE i8 >= 9223372036854775807.0
;;
SELECT id FROM everything WHERE f8 = i4 ORDER BY id
;;
SELECT id FROM everything WHERE f4 = f8 ORDER BY id
;;
SELECT id FROM everything WHERE n = f8 ORDER BY id
;;
SELECT id FROM everything WHERE n = f4 ORDER BY id
;;
SELECT id FROM everything WHERE n52 = i2 ORDER BY id
;;
SELECT id FROM everything WHERE d = '2024-02-29 00:00:00' ORDER BY id
;;
SELECT id FROM everything WHERE d = ts ORDER BY id
;;
SELECT id FROM everything WHERE ts = tz ORDER BY id
;;
SELECT id FROM everything WHERE tz = '1999-12-31 23:59:59.5+05:30' ORDER BY id
;;
SELECT id FROM everything WHERE iv = '1 day 02:03:04' ORDER BY id
;;
SELECT id FROM everything WHERE tm = '24:00' OR tm = '00:00' ORDER BY id
;;
SELECT id FROM everything WHERE u = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'
;;
SELECT id FROM everything WHERE by = 'abc' ORDER BY id
;;
SELECT id FROM everything WHERE b = 'yes' ORDER BY id
;;
SELECT id FROM everything WHERE b = 'perhaps'
;;
SELECT id FROM everything WHERE d = 'today-ish'
;;
SELECT id FROM everything WHERE ch = vc ORDER BY id
;;
SELECT id FROM everything WHERE ch = t ORDER BY id
;;
SELECT id FROM everything WHERE ch::text = t ORDER BY id
;;
SELECT id FROM everything WHERE vc = t ORDER BY id
;;
SELECT id FROM everything WHERE ch = 'eta' ORDER BY id
;;
SELECT id FROM everything WHERE ch = 'eta  ' ORDER BY id
;;
SELECT id FROM everything WHERE ch < 'b' ORDER BY id
;;
SELECT id FROM everything WHERE vc < 'b' ORDER BY id
;;
SELECT ch, count(*) FROM (SELECT 'a'::char(3) AS ch UNION ALL SELECT 'a '::char(3) UNION ALL SELECT 'a'::char(1)) s GROUP BY ch ORDER BY ch
;;
SELECT count(DISTINCT ch), count(DISTINCT ch::text), count(DISTINCT vc), count(DISTINCT vc::char(8)) FROM everything
;;
SELECT 'ab'::char(3) || 'c', 'ab'::char(3) || 'c'::char(2), 'ab'::char(3) || NULL, concat('ab'::char(3), 'c'), length('ab '::char(5) || ' ')
;;
SELECT 'a'::char(3) = 'a'::text, 'a'::char(3) = 'a  '::text, 'a'::char(3)::text = 'a  '::text, 'a '::varchar(3) = 'a'::char(3)
;;
SELECT upper('ab'::char(4)) || '|', lower('AB'::char(4)) || '|', replace('ab'::char(4), 'b', 'c') || '|', substr('ab'::char(4), 1, 4) || '|', left('ab'::char(4), 4) || '|'
;;
SELECT n.name, e.ch FROM names n JOIN everything e ON n.code = e.ch ORDER BY n.name, e.id
;;
SELECT n.name, e.t FROM names n JOIN everything e ON n.code = e.t ORDER BY n.name, e.id
;;
SELECT f, count(*) FROM (SELECT 'NaN'::float8 AS f UNION ALL SELECT 'NaN'::float8 UNION ALL SELECT 1) s GROUP BY f ORDER BY f
;;
SELECT count(DISTINCT f), count(*) FROM (SELECT '0'::float8 AS f UNION ALL SELECT '-0'::float8 UNION ALL SELECT 0.0) s
;;
SELECT count(*) FROM (SELECT DISTINCT f FROM (SELECT '0'::float8 AS f UNION ALL SELECT '-0'::float8) s) t
;;
SELECT round(n, 3), count(*) FROM (SELECT 'NaN'::numeric AS n UNION ALL SELECT 'NaN'::numeric UNION ALL SELECT 1.0 UNION ALL SELECT 1.00) s GROUP BY n ORDER BY n
;;
SELECT count(DISTINCT x) FROM (SELECT 1.0 AS x UNION ALL SELECT 1.00 UNION ALL SELECT 1) s
;;
SELECT x FROM (SELECT 1.0 AS x UNION SELECT 1.00) s
;;
SELECT extract(epoch FROM iv), count(*) FROM (SELECT '1 day'::interval AS iv UNION ALL SELECT '24 hours'::interval UNION ALL SELECT '1 mon'::interval UNION ALL SELECT '30 days'::interval) s GROUP BY iv ORDER BY iv
;;
SELECT count(DISTINCT iv) FROM (SELECT '1 day'::interval AS iv UNION ALL SELECT '24 hours'::interval UNION ALL SELECT '1 mon'::interval UNION ALL SELECT '30 days'::interval) s
;;
SELECT 1 IN (SELECT NULL::integer), 1 NOT IN (SELECT NULL::integer), 1 IN (SELECT 1 WHERE false), 1 NOT IN (SELECT 1 WHERE false), NULL::integer IN (SELECT 1 WHERE false)
;;
SELECT EXISTS (SELECT NULL), EXISTS (SELECT 1 WHERE false), (SELECT 1 WHERE false) IS NULL, (SELECT max(id) FROM everything WHERE false)
;;
SELECT id FROM everything WHERE i2 IN (SELECT c FROM pairs) ORDER BY id
;;
SELECT id FROM everything WHERE i2 NOT IN (SELECT c FROM pairs) ORDER BY id
;;
SELECT id FROM everything WHERE i2 NOT IN (SELECT c FROM pairs WHERE c IS NOT NULL) ORDER BY id
;;
SELECT id FROM everything WHERE (i2 IN (SELECT c FROM pairs)) IS NULL ORDER BY id
;;
SELECT id FROM everything WHERE t IN (SELECT b FROM pairs) ORDER BY id
;;
SELECT id FROM everything WHERE ch IN (SELECT code FROM names) ORDER BY id
;;
SELECT id FROM everything WHERE d IN (SELECT day FROM days) ORDER BY id
;;
SELECT id FROM everything WHERE ts IN (SELECT at FROM moments) ORDER BY id
;;
SELECT id FROM everything WHERE n IN (SELECT m FROM measures) ORDER BY id
;;
SELECT id FROM everything WHERE u IN (SELECT id FROM tokens) ORDER BY id
;;
SELECT id FROM everything WHERE by IN (SELECT payload FROM tokens) ORDER BY id
;;
SELECT id FROM everything WHERE f8 IN (SELECT f FROM measures) ORDER BY id
;;
SELECT id FROM everything WHERE i8 IN (SELECT k FROM big_keys) ORDER BY id
;;
SELECT id FROM everything WHERE i4 IN (SELECT k FROM big_keys) ORDER BY id
;;
SELECT id FROM everything WHERE n52 IN (SELECT price FROM names) ORDER BY id
;;
SELECT id FROM everything WHERE i4 > ALL (SELECT qty FROM names WHERE qty IS NOT NULL) ORDER BY id
;;
SELECT id FROM everything WHERE i4 = ANY (SELECT qty * 10 FROM names) ORDER BY id
;;
SELECT CASE WHEN id > 5 THEN i2 ELSE i8 END, CASE WHEN id > 5 THEN f4 ELSE n END, CASE WHEN id > 5 THEN vc ELSE ch END FROM everything WHERE id IN (1, 12) ORDER BY id
;;
SELECT COALESCE(ch, vc) || '|', COALESCE(vc, ch) || '|', COALESCE(ch, 'x') || '|' FROM everything WHERE id IN (1, 9, 10) ORDER BY id
;;
SELECT COALESCE(i2, 1.5), COALESCE(f4, n), COALESCE(d, ts), COALESCE(ts, tz), COALESCE(tm, '01:00') FROM everything WHERE id IN (2, 10, 11) ORDER BY id
;;
SELECT i2 FROM everything WHERE id = 1 UNION ALL SELECT i8 FROM everything WHERE id = 3 UNION ALL SELECT n52 FROM everything WHERE id = 3 ORDER BY 1
;;
SELECT ch FROM everything WHERE id = 1 UNION ALL SELECT vc FROM everything WHERE id = 4 ORDER BY 1
;;
SELECT d FROM everything WHERE id = 1 UNION ALL SELECT ts FROM everything WHERE id = 1 ORDER BY 1
;;
SELECT f4 FROM everything WHERE id = 9 UNION SELECT f8 FROM everything WHERE id = 9 ORDER BY 1
;;
SELECT f4 FROM everything WHERE id = 9 UNION SELECT n FROM everything WHERE id = 9 ORDER BY 1
;;
SELECT 1 UNION SELECT '2' ORDER BY 1
;;
SELECT NULL UNION SELECT NULL
;;
SELECT 'a' UNION SELECT 'b' ORDER BY 1
;;
SELECT x, pg_typeof(x)::text FROM (SELECT NULL AS x UNION ALL SELECT 'b') s ORDER BY 1
;;
SELECT id, i4 > ALL (SELECT qty FROM names), i4 < ANY (SELECT qty FROM names WHERE qty > 2), i4 <> ALL (SELECT item_id FROM orders) FROM everything ORDER BY id
;;
SELECT id FROM everything e WHERE i2 >= ALL (SELECT item_id FROM orders o WHERE o.qty <= e.i2) ORDER BY id
;;
SELECT id, t = ANY (SELECT customer FROM orders), t < ALL (SELECT customer FROM orders WHERE customer IS NOT NULL) FROM everything ORDER BY id
;;
SELECT 1 > ALL (SELECT 1 WHERE false), 1 > ANY (SELECT 1 WHERE false), NULL::int > ALL (SELECT 1 WHERE false)
