-- CASE, COALESCE, NULLIF, GREATEST/LEAST, IN, IS [NOT] DISTINCT FROM, three-valued logic,
-- precedence, mixed-type comparisons, uncorrelated subqueries.
SELECT 1 + 2 * 3, (1 + 2) * 3, 2 * 3 % 4, -2 * -3, 10 - 2 - 3, 2 + 3 || 'x', 7 / 2 * 2
;;
SELECT NULL + 1, NULL * 0, 1 / NULL, NULL::integer % 0, -NULL::float8, NULL || NULL
;;
SELECT 1 = NULL, NULL = NULL, NULL <> 1, NULL IS NULL, NULL IS NOT NULL, 1 IS DISTINCT FROM NULL, NULL IS DISTINCT FROM NULL, NULL IS NOT DISTINCT FROM NULL, 1 IS NOT DISTINCT FROM 1.0
;;
SELECT 1 IN (1, 2), 3 IN (1, 2), 3 IN (1, NULL), 1 IN (1, NULL), 3 NOT IN (1, 2), 3 NOT IN (1, NULL), NULL IN (1), NULL NOT IN (), 'a' IN ('a', 'b')
;;
SELECT 1 IN (1, 2), 3 NOT IN (1, NULL), NULL::integer IN (1, 2)
;;
SELECT 2 IN (1.5, 2.0), 'b'::char(3) IN ('b', 'c'), '2024-01-01'::date IN ('2024-01-01', '2024-01-02'), 2::bigint IN (2::smallint, 3)
;;
SELECT CASE WHEN 1 > 2 THEN 'a' WHEN 2 > 1 THEN 'b' ELSE 'c' END, CASE WHEN false THEN 1 END, CASE 3 WHEN 1 THEN 'one' WHEN 3 THEN 'three' END, CASE NULL WHEN NULL THEN 'null' ELSE 'else' END
;;
SELECT CASE WHEN true THEN 1 ELSE 2.5 END, CASE WHEN false THEN 1 ELSE 2.5 END, CASE WHEN true THEN 1::smallint ELSE 100000 END, CASE WHEN false THEN 'x' ELSE NULL END
;;
SELECT CASE WHEN true THEN 1 ELSE 'x' END
;;
SELECT CASE WHEN 1 = 1 THEN 'ok' ELSE (1 / 0)::text END
;;
SELECT COALESCE(NULL, 1, 2), COALESCE(NULL, NULL), COALESCE(NULL::text, 'x'), COALESCE(1, 2.5), COALESCE(NULL, 2.5, 1), COALESCE('a', NULL)
;;
SELECT COALESCE(1, 'x')
;;
SELECT NULLIF(1, 1), NULLIF(1, 2), NULLIF('a', 'b'), NULLIF(NULL, 1), NULLIF(1, NULL), NULLIF(1.0, 1), NULLIF('', '')
;;
SELECT GREATEST(1, 2, 3), LEAST(1, 2, 3), GREATEST(1, NULL, 3), LEAST(NULL, NULL::integer), GREATEST('a', 'B', 'c'), LEAST(1, 2.5, 0.5::float8), GREATEST('2024-01-01'::date, '2023-01-01'::timestamp)
;;
SELECT GREATEST(1, 'a')
;;
SELECT NOT true, NOT NOT false, true AND false OR true, true OR false AND false, NOT (1 > 2 OR 2 > 1), (NULL AND false) IS FALSE
;;
SELECT 1 < 2 AND 2 < 3, 1 < 2 < true
;;
SELECT 1 = 1.0::float8, 1::numeric = 1::float8, 0.1 = 0.1::float8, 0.1::real = 0.1::float8, 100::smallint = 100::bigint, '1' = 1
;;
SELECT 'abc' = 1
;;
SELECT 1 = 'abc'
;;
SELECT true = 1
;;
SELECT '2024-01-01' < '2024-01-02'::date, '10:00' > '9:00'::time, '1 day'::interval > '1 hour'
;;
SELECT (SELECT 42), (SELECT max(i4) FROM everything), (SELECT t FROM everything WHERE id = 1), (SELECT NULL::integer)
;;
SELECT (SELECT id FROM everything WHERE id > 100)
;;
SELECT (SELECT id FROM everything)
;;
SELECT (SELECT id, t FROM everything WHERE id = 1)
;;
SELECT EXISTS (SELECT 1 FROM everything WHERE id = 1), EXISTS (SELECT 1 FROM everything WHERE id = 100), NOT EXISTS (SELECT 1 FROM names)
;;
SELECT id FROM everything WHERE id IN (SELECT item_id FROM orders) ORDER BY id
;;
SELECT id FROM everything WHERE id NOT IN (SELECT item_id FROM orders) ORDER BY id
;;
SELECT id FROM everything WHERE id NOT IN (SELECT item_id FROM orders WHERE item_id IS NOT NULL) ORDER BY id
;;
SELECT id FROM everything WHERE i4 > (SELECT avg(i4) FROM everything WHERE id > 6) ORDER BY id
;;
SELECT id FROM everything WHERE EXISTS (SELECT 1 FROM orders WHERE qty > 5) AND id < 3 ORDER BY id
;;
SELECT name FROM names WHERE name IN (SELECT customer FROM orders) ORDER BY name
;;
SELECT name FROM names WHERE name NOT IN (SELECT customer FROM orders WHERE customer IS NOT NULL) ORDER BY name
;;
SELECT name FROM names WHERE (qty, price) IS NOT NULL ORDER BY name
;;
SELECT id, t FROM everything WHERE id = (SELECT min(item_id) FROM orders)
;;
SELECT id, (SELECT count(*) FROM orders) - id AS diff FROM everything WHERE id < 4 ORDER BY id
;;
SELECT id, CASE WHEN i4 > 100 THEN 'big' WHEN i4 > 0 THEN 'small' WHEN i4 IS NULL THEN 'none' ELSE 'negative' END FROM everything ORDER BY id
;;
SELECT id, CASE b WHEN true THEN 'yes' WHEN false THEN 'no' ELSE 'unknown' END, CASE WHEN b THEN i2 ELSE -i2 END FROM everything WHERE id <> 4 ORDER BY id
;;
SELECT id, COALESCE(t, vc, ch, 'none'), COALESCE(i2, i4, i8), COALESCE(f4, f8), COALESCE(n52, n) FROM everything ORDER BY id
;;
SELECT id, NULLIF(i2, 0), NULLIF(t, ''), NULLIF(ch, ''), NULLIF(vc, 'ab') FROM everything ORDER BY id
;;
SELECT id, GREATEST(i2, i4, i8), LEAST(i2, i4, i8), GREATEST(f4, f8), LEAST(n, n52), GREATEST(d, ts), LEAST(t, vc) FROM everything ORDER BY id
;;
SELECT id, i4 IS DISTINCT FROM i2 * 10, t IS NOT DISTINCT FROM vc, d IS DISTINCT FROM NULL FROM everything ORDER BY id
;;
SELECT id FROM everything WHERE i2 IN (1, 7, 8, NULL) ORDER BY id
;;
SELECT id FROM everything WHERE i2 NOT IN (1, 7, 8) ORDER BY id
;;
SELECT id FROM everything WHERE i2 NOT IN (1, 7, NULL) ORDER BY id
;;
SELECT id FROM everything WHERE t IN ('alpha', 'beta', '') ORDER BY id
;;
SELECT id FROM everything WHERE d IN ('2024-02-29', 'infinity', '1970-01-01') ORDER BY id
;;
SELECT id FROM everything WHERE i4 > 50 AND (b OR t LIKE '%a') ORDER BY id
;;
SELECT id FROM everything WHERE NOT (i4 > 50) ORDER BY id
;;
SELECT id FROM everything WHERE (i4 > 50) IS NOT TRUE ORDER BY id
;;
SELECT id FROM everything WHERE i4 BETWEEN 0 AND 100 AND i2 NOT BETWEEN 5 AND 10 ORDER BY id
;;
SELECT id FROM everything WHERE COALESCE(b, false) = false ORDER BY id
;;
SELECT id FROM everything WHERE i2 * 10 = i4 AND i8 IS NOT NULL ORDER BY id
;;
SELECT id FROM everything WHERE id % 3 = 0 OR id % 5 = 0 ORDER BY id DESC
;;
SELECT id FROM everything WHERE t IS NULL OR vc IS NULL OR ch IS NULL ORDER BY id
;;
SELECT id FROM everything WHERE CASE WHEN i2 <> 0 THEN i4 / i2 > 5 END ORDER BY id
;;
SELECT id, i4 + i2 * 2 - i8 / 10 FROM everything WHERE id IN (1, 7, 8, 11, 12, 13, 14) ORDER BY id
;;
SELECT id, (i2 + 0.5) * 2, i4 * 1.5, i8 / 2.0, i2::float8 / 4 FROM everything WHERE id NOT IN (3, 4) ORDER BY id
;;
SELECT id, -i2, +i4 FROM everything WHERE id IN (1, 7, 12, 13) ORDER BY id
;;
SELECT id, @ i2, @ f8 FROM everything WHERE id IN (1, 7, 12, 13) ORDER BY id
;;
SELECT id, i4 & 3, i4 | 1, i4 # 5, ~i4, i4 << 1, i4 >> 1 FROM everything WHERE id IN (1, 7, 12, 13) ORDER BY id
;;
SELECT id, CAST(i4 AS text) || '-' || CAST(d AS text), t || i4, i2 || '' FROM everything ORDER BY id
;;
SELECT id, i2::numeric(10,2), i4::float8 / 3, i8::real, d::varchar(5), ts::varchar(10) FROM everything WHERE id NOT IN (3, 4) ORDER BY id
;;
SELECT 'prefix-' || t || '-suffix' AS x FROM everything WHERE id < 4 ORDER BY x NULLS FIRST
;;
SELECT 1 AS a, 2 AS b, a + b FROM (SELECT 1 AS a, 2 AS b) s
;;
SELECT x.a + x.b AS s, x.* FROM (SELECT 1 AS a, 2 AS b) x
;;
SELECT * FROM (SELECT 1 AS a) s WHERE a = 1
;;
SELECT nosuch FROM everything
;;
SELECT everything.nosuch FROM everything
;;
SELECT e.id FROM everything
;;
SELECT id FROM nosuch_table
;;
SELECT nosuch_function(1)
;;
SELECT length(1, 2, 3)
;;
SELECT 1 +
;;
SELECT id FROM everything, names WHERE id = 1 AND qty = 1 AND name = 'apple ' AND id = qty
;;
SELECT id, name FROM everything, names WHERE id = qty ORDER BY id, name
;;
SELECT id FROM everything WHERE (i2, i4) > (7, 0) AND (i2, i4) <= (13, 130) ORDER BY id
;;
SELECT id, (b, t) IS NULL, (b, t) IS NOT NULL, (i4, i8) = (i4, i8), (i4, t) IS DISTINCT FROM (70, 'Alpha') FROM everything ORDER BY id
;;
SELECT id FROM orders WHERE (customer, item_id) IN (('apple', 1), ('fig', NULL), ('date', 12)) ORDER BY id
;;
SELECT id FROM orders WHERE (customer, item_id) NOT IN (('apple', 1), ('date', 12)) ORDER BY id
;;
SELECT (1, 2) < (1, 2, 3)
