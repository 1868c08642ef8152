-- Thousands of rows from generate_series (crossing executor batch boundaries): bulk insert,
-- grouping with many groups, joins, sorts, DISTINCT, set operations, updates and deletes in
-- bulk, every type derived from the series number with NULLs every few rows.
CREATE TABLE bulk (
  id integer PRIMARY KEY, g smallint, k bigint, r real, f double precision, n numeric(12,3),
  t text, vc varchar(12), c char(4), b boolean, by bytea, d date, tm time, ts timestamp,
  tz timestamptz, iv interval, u uuid)
;;
INSERT INTO bulk SELECT i,
  CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 37)::smallint END,
  CASE WHEN i % 13 = 0 THEN NULL ELSE i::bigint * 1000003 - 5000000000 END,
  CASE WHEN i % 17 = 0 THEN NULL ELSE (i % 64)::real / 4 END,
  CASE WHEN i % 19 = 0 THEN NULL ELSE (i % 128)::float8 / 8 - 4 END,
  CASE WHEN i % 23 = 0 THEN NULL ELSE i::numeric / 7 END,
  CASE WHEN i % 29 = 0 THEN NULL ELSE 'row ' || i END,
  CASE WHEN i % 31 = 0 THEN NULL ELSE 'v' || (i % 100) END,
  CASE WHEN i % 7 = 0 THEN NULL ELSE chr_code END,
  CASE WHEN i % 5 = 0 THEN NULL ELSE i % 3 = 0 END,
  CASE WHEN i % 41 = 0 THEN NULL ELSE ('x' || (i % 256))::bytea END,
  CASE WHEN i % 43 = 0 THEN NULL ELSE '2000-01-01'::date + i END,
  CASE WHEN i % 47 = 0 THEN NULL ELSE '00:00'::time + (i || ' minutes')::interval END,
  CASE WHEN i % 53 = 0 THEN NULL ELSE '2020-01-01'::timestamp + (i || ' hours')::interval END,
  CASE WHEN i % 59 = 0 THEN NULL ELSE '2020-01-01 00:00+00'::timestamptz + (i * 7 || ' minutes')::interval END,
  CASE WHEN i % 61 = 0 THEN NULL ELSE (i % 50 || ' days ' || i % 24 || ' hours')::interval END,
  CASE WHEN i % 67 = 0 THEN NULL ELSE ('00000000-0000-0000-0000-' || lpad_id)::uuid END
FROM (SELECT i, CASE i % 4 WHEN 0 THEN 'a' WHEN 1 THEN 'bb' WHEN 2 THEN 'ccc' ELSE 'dddd' END AS chr_code,
             right('000000000000' || i, 12) AS lpad_id
      FROM generate_series(1, 5000) AS i) s
;;
SELECT count(*), count(g), count(k), count(r), count(f), count(n), count(t), count(vc), count(c), count(b), count(by), count(d), count(tm), count(ts), count(tz), count(iv), count(u) FROM bulk
;;
SELECT sum(g), sum(k), sum(r), sum(f), sum(n), avg(g), avg(k), avg(n) FROM bulk
;;
SELECT min(g), max(g), min(k), max(k), min(r), max(r), min(f), max(f), min(n), max(n) FROM bulk
;;
SELECT min(t), max(t), min(vc), max(vc), min(c), max(c), min(by), max(by), min(u), max(u) FROM bulk
;;
SELECT min(d), max(d), min(tm), max(tm), min(ts), max(ts), min(tz), max(tz), min(iv), max(iv), sum(iv) FROM bulk
;;
SELECT bool_and(b), bool_or(b), count(DISTINCT b), count(DISTINCT g), count(DISTINCT vc), count(DISTINCT c), count(DISTINCT by), count(DISTINCT iv), count(DISTINCT r) FROM bulk
;;
SELECT g, count(*), sum(k), min(t), max(d), avg(f) FROM bulk GROUP BY g ORDER BY g NULLS FIRST
;;
SELECT vc, count(*), sum(n) FROM bulk GROUP BY vc ORDER BY count(*) DESC, vc NULLS FIRST LIMIT 10
;;
SELECT c, b, count(*), sum(g) FROM bulk GROUP BY c, b ORDER BY c, b
;;
SELECT date_trunc('month', ts) AS m, count(*), min(id), max(id) FROM bulk GROUP BY 1 ORDER BY 1
;;
SELECT extract(dow FROM d) AS dow, count(*) FROM bulk GROUP BY 1 ORDER BY 1
;;
SELECT iv, count(*) FROM bulk GROUP BY iv HAVING count(*) > 4 ORDER BY iv LIMIT 20
;;
SELECT id, k, t FROM bulk ORDER BY k DESC NULLS LAST, id LIMIT 10
;;
SELECT id, f, r FROM bulk ORDER BY f, r, id LIMIT 10 OFFSET 2000
;;
SELECT id, t FROM bulk ORDER BY t, id LIMIT 10 OFFSET 4980
;;
SELECT id FROM bulk WHERE id BETWEEN 2040 AND 2060 ORDER BY id DESC
;;
SELECT id FROM bulk WHERE id IN (1, 1024, 1025, 2048, 4096, 5000, 5001) ORDER BY id
;;
SELECT count(*) FROM bulk WHERE id > 1023 AND id <= 4097
;;
SELECT count(*) FROM bulk WHERE t LIKE 'row 1%' AND vc <> 'v10'
;;
SELECT count(*) FROM bulk WHERE b IS NULL OR g IS NULL
;;
SELECT count(*), sum(a.g) FROM bulk a JOIN bulk b ON a.id = b.id + 1
;;
SELECT count(*) FROM bulk a JOIN bulk b ON a.vc = b.vc
;;
SELECT count(*), count(b.id) FROM bulk a LEFT JOIN bulk b ON a.k = b.k AND b.id % 2 = 0
;;
SELECT a.g, count(*) FROM bulk a JOIN everything e ON a.g = e.i2 GROUP BY a.g ORDER BY a.g
;;
SELECT count(*) FROM bulk a FULL JOIN generate_series(4990, 5010) s ON a.id = s
;;
SELECT count(*) FROM (SELECT DISTINCT vc, c FROM bulk) s
;;
SELECT count(*) FROM (SELECT g FROM bulk UNION SELECT i2 FROM everything) s
;;
SELECT count(*) FROM (SELECT id FROM bulk EXCEPT SELECT id * 2 FROM bulk) s
;;
SELECT count(*) FROM (SELECT vc FROM bulk INTERSECT ALL SELECT vc FROM bulk WHERE id < 300) s
;;
SELECT id FROM bulk WHERE k IN (SELECT k FROM bulk WHERE id % 1000 = 0) ORDER BY id
;;
UPDATE bulk SET n = n * 2, t = upper(t) WHERE id % 3 = 0
;;
SELECT count(*), sum(n), min(t), max(t) FROM bulk
;;
DELETE FROM bulk WHERE id % 4 = 1
;;
SELECT count(*), sum(id), min(id), max(id) FROM bulk
;;
INSERT INTO bulk (id, g) SELECT i, 1 FROM generate_series(1, 5000) i ON CONFLICT (id) DO UPDATE SET g = bulk.g + 100
;;
SELECT g > 99, count(*) FROM bulk GROUP BY 1 ORDER BY 1
;;
SELECT id, g, k, r, f, n, t, vc, c, b, by, d, tm, ts, tz, iv, u FROM bulk WHERE id % 499 = 0 ORDER BY id
;;
DROP TABLE bulk
