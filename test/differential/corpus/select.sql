-- DISTINCT, ORDER BY (expressions, positions, names, NULLS FIRST/LAST), LIMIT/OFFSET, set
-- operations, subqueries in FROM, WITH, generate_series, SELECT without FROM, primary-key access.
-- unordered
SELECT DISTINCT b FROM everything
;;
SELECT DISTINCT b, i2 > 5 AS big FROM everything ORDER BY b, big
;;
SELECT DISTINCT ch FROM everything ORDER BY ch
;;
SELECT DISTINCT vc FROM everything ORDER BY vc NULLS FIRST
;;
SELECT DISTINCT f8 FROM everything ORDER BY f8
;;
SELECT DISTINCT n FROM everything ORDER BY n DESC
;;
SELECT DISTINCT n52 FROM everything ORDER BY 1
;;
SELECT DISTINCT justify_interval(iv) FROM everything ORDER BY 1
;;
SELECT count(*) FROM (SELECT DISTINCT iv FROM everything) s
;;
SELECT DISTINCT by FROM everything ORDER BY by
;;
SELECT DISTINCT customer FROM orders ORDER BY customer
;;
-- unordered
SELECT DISTINCT placed, customer FROM orders
;;
SELECT DISTINCT m FROM measures WHERE m IN (1.5, 1.50, 2.5, 3) ORDER BY m
;;
SELECT DISTINCT ON (customer) customer, id FROM orders ORDER BY customer, id
;;
SELECT id, i4 FROM everything ORDER BY i4 NULLS FIRST, id
;;
SELECT id, i4 FROM everything ORDER BY i4 DESC NULLS FIRST, id DESC
;;
SELECT id, i4 FROM everything ORDER BY i4 ASC NULLS LAST, id
;;
SELECT id, -i4 AS neg FROM everything ORDER BY neg, id
;;
SELECT id, i2 FROM everything ORDER BY 2 DESC, 1
;;
SELECT id, i2 FROM everything ORDER BY abs(i2), id
;;
SELECT id FROM everything ORDER BY i2 * -1 NULLS LAST, id
;;
SELECT id, t FROM everything ORDER BY length(t) DESC NULLS LAST, t, id
;;
SELECT id, b, i2 FROM everything ORDER BY b NULLS FIRST, i2 DESC NULLS LAST, id
;;
SELECT id AS x FROM everything ORDER BY x DESC LIMIT 3
;;
SELECT id FROM everything ORDER BY id LIMIT 5
;;
SELECT id FROM everything ORDER BY id LIMIT 5 OFFSET 12
;;
SELECT id FROM everything ORDER BY id OFFSET 14
;;
SELECT id FROM everything ORDER BY id LIMIT 0
;;
SELECT id FROM everything ORDER BY id LIMIT ALL OFFSET 13
;;
SELECT id FROM everything ORDER BY id LIMIT NULL
;;
SELECT id FROM everything ORDER BY id OFFSET 100
;;
SELECT id FROM everything ORDER BY id LIMIT -1
;;
SELECT id FROM everything ORDER BY id OFFSET -1
;;
SELECT id FROM everything ORDER BY id FETCH FIRST 2 ROWS ONLY
;;
SELECT id FROM everything ORDER BY t NULLS FIRST, id LIMIT 4
;;
SELECT id, f8 FROM everything ORDER BY f8 DESC LIMIT 4
;;
SELECT id FROM everything ORDER BY nosuch
;;
SELECT id FROM everything ORDER BY 3
;;
SELECT DISTINCT id FROM everything ORDER BY t
;;
SELECT 1
;;
SELECT 1 AS one, 'two' AS two, NULL AS three, 2.5 AS four
;;
SELECT 1 WHERE false
;;
SELECT 1 WHERE NULL
;;
SELECT count(*) WHERE false
;;
SELECT * FROM generate_series(1, 5) ORDER BY 1
;;
SELECT * FROM generate_series(10, 1, -3) AS g ORDER BY g DESC
;;
SELECT g, g * g FROM generate_series(-2, 2) AS g ORDER BY g DESC
;;
SELECT count(*), sum(g), min(g), max(g) FROM generate_series(1, 1000) g
;;
SELECT * FROM generate_series(1, 5, 0)
;;
SELECT * FROM generate_series(9223372036854775805, 9223372036854775807) ORDER BY 1
;;
SELECT * FROM generate_series(5, 1)
;;
SELECT g, e.t FROM generate_series(1, 4) g JOIN everything e ON e.id = g ORDER BY g
;;
SELECT i4 FROM everything WHERE id < 4 UNION SELECT qty FROM names ORDER BY 1
;;
SELECT i4 FROM everything WHERE id < 4 UNION ALL SELECT qty FROM names ORDER BY 1 NULLS FIRST
;;
SELECT qty FROM names INTERSECT SELECT i2 FROM everything ORDER BY 1
;;
SELECT qty FROM names INTERSECT ALL SELECT c FROM pairs ORDER BY 1
;;
SELECT c FROM pairs EXCEPT SELECT qty FROM names ORDER BY 1
;;
SELECT c FROM pairs EXCEPT ALL SELECT i2 FROM everything ORDER BY 1
;;
SELECT a FROM pairs EXCEPT ALL SELECT 1 ORDER BY 1
;;
-- unordered
SELECT t FROM everything UNION SELECT name FROM names
;;
-- unordered
SELECT ch FROM everything UNION SELECT code FROM names
;;
-- unordered
SELECT vc FROM everything INTERSECT SELECT name FROM names
;;
-- unordered
SELECT d FROM everything UNION SELECT day FROM days
;;
-- unordered
SELECT ts FROM everything EXCEPT SELECT at FROM moments
;;
-- unordered
SELECT n FROM everything UNION SELECT m FROM measures
;;
-- unordered
SELECT f8 FROM everything INTERSECT SELECT f FROM measures
;;
-- unordered
SELECT u FROM everything UNION ALL SELECT id FROM tokens
;;
-- unordered
SELECT by FROM everything INTERSECT SELECT payload FROM tokens
;;
-- unordered
SELECT justify_interval(iv) FROM everything UNION SELECT justify_interval(dur) FROM moments
;;
-- unordered
SELECT 1, 'a' UNION SELECT 2, 'b' UNION SELECT 1, 'a'
;;
SELECT 1 UNION SELECT 2.5 ORDER BY 1
;;
SELECT 1 UNION ALL SELECT NULL UNION ALL SELECT 3 ORDER BY 1 NULLS FIRST
;;
SELECT 'a'::char(3) UNION SELECT 'a'::varchar ORDER BY 1
;;
SELECT 1 UNION SELECT 'x'
;;
SELECT 1, 2 UNION SELECT 1
;;
SELECT x FROM (SELECT 1 AS x UNION SELECT 2) s ORDER BY x DESC LIMIT 1
;;
(SELECT id FROM everything ORDER BY id LIMIT 2) UNION ALL (SELECT id FROM everything ORDER BY id DESC LIMIT 2) ORDER BY 1
;;
SELECT id FROM everything WHERE id < 3 UNION SELECT id FROM everything WHERE id > 13 INTERSECT SELECT id FROM everything WHERE id > 14 ORDER BY id
;;
SELECT s.id, s.d FROM (SELECT id, i4 * 2 AS d FROM everything WHERE i4 > 0) s WHERE s.d > 200 ORDER BY s.id
;;
SELECT * FROM (SELECT customer, count(*) AS n FROM orders GROUP BY customer) s WHERE n > 1 ORDER BY customer
;;
SELECT * FROM (SELECT * FROM (SELECT id, t FROM everything) a WHERE id < 5) b ORDER BY id DESC
;;
SELECT * FROM (SELECT id FROM everything ORDER BY id DESC LIMIT 3) s ORDER BY id
;;
WITH big AS (SELECT id, i4 FROM everything WHERE i4 > 100) SELECT * FROM big ORDER BY id
;;
WITH a AS (SELECT customer, sum(total) AS s FROM orders GROUP BY customer), b AS (SELECT * FROM a WHERE s > 10) SELECT * FROM b ORDER BY customer
;;
WITH x(v) AS (SELECT 1 UNION ALL SELECT 2) SELECT v, v * 10 FROM x ORDER BY v
;;
WITH o AS (SELECT * FROM orders) SELECT o.id, n.qty FROM o JOIN names n ON n.name = o.customer ORDER BY o.id
;;
SELECT id, t FROM everything WHERE id = 7
;;
SELECT id FROM everything WHERE id >= 13 ORDER BY id
;;
SELECT id FROM everything WHERE id BETWEEN 3 AND 6 ORDER BY id DESC
;;
SELECT id FROM everything WHERE id IN (1, 3, 5, 100, -1) ORDER BY id
;;
SELECT id FROM everything WHERE id > 2147483646
;;
SELECT id FROM everything WHERE id = 1.5
;;
SELECT id FROM everything WHERE id = 2.0 OR id = 3::bigint ORDER BY id
;;
SELECT id FROM everything WHERE id < 3.5 ORDER BY id
;;
SELECT id FROM everything WHERE id = NULL
;;
SELECT id FROM everything WHERE id IN (SELECT 4 UNION SELECT 5) ORDER BY id
;;
SELECT a, b FROM pairs WHERE a = 1 ORDER BY b
;;
SELECT a, b FROM pairs WHERE a = 1 AND b = 'X'
;;
SELECT a, b FROM pairs WHERE a >= 2 AND a < 10 ORDER BY a, b
;;
SELECT a, b FROM pairs WHERE (a, b) = (1, 'y')
;;
SELECT a, b FROM pairs WHERE b = 'x' ORDER BY a
;;
SELECT at FROM moments WHERE at > '2024-03-10 01:30' AND at <= '2024-11-03 01:30' ORDER BY at
;;
SELECT at FROM moments WHERE at IN ('infinity', '-infinity', '2000-01-01') ORDER BY at
;;
SELECT day FROM days WHERE day >= 'infinity' OR day <= '-infinity' ORDER BY day
;;
SELECT k FROM big_keys WHERE k BETWEEN -9223372036854775808 AND -1 ORDER BY k DESC
;;
SELECT count(*) FROM big_keys WHERE k > -9223372036854775808
;;
SELECT m FROM measures WHERE m IN ('NaN', 'Infinity', 0) ORDER BY m
;;
SELECT m FROM measures WHERE m > 100 ORDER BY m
;;
SELECT name FROM names WHERE name > 'apple' ORDER BY name LIMIT 3
;;
SELECT id FROM tokens ORDER BY id DESC LIMIT 2
;;
SELECT t.id, t.n FROM tokens t WHERE t.n BETWEEN 2 AND 5 ORDER BY t.n
;;
SELECT e.* FROM everything e WHERE e.id = 1
;;
SELECT *, id * 2 FROM pairs WHERE a = 10
;;
SELECT everything.id, everything.t FROM everything WHERE everything.id = 9
;;
SELECT "id", "T" FROM (SELECT id, t AS "T" FROM everything) s WHERE id = 1
;;
SELECT id AS "Mixed Case", t AS "select" FROM everything WHERE id = 1
;;
SELECT DISTINCT ON (customer) customer, id, total FROM orders ORDER BY customer, total DESC NULLS LAST, id
;;
SELECT DISTINCT ON (b) b, id, t FROM everything ORDER BY b NULLS FIRST, id DESC
;;
SELECT DISTINCT ON (i2 % 3) i2 % 3 AS k, id FROM everything WHERE i2 IS NOT NULL ORDER BY i2 % 3, id
;;
SELECT DISTINCT ON (item_id, placed) item_id, placed, id FROM orders ORDER BY placed, item_id, id DESC
;;
SELECT DISTINCT ON (customer) customer, id FROM orders ORDER BY id
;;
-- unordered
SELECT count(*) FROM (SELECT DISTINCT ON (placed) * FROM orders) s
;;
VALUES (1, 'a'), (2, NULL), (NULL, 'c') ORDER BY 1
;;
SELECT o.id, v.tag FROM orders o JOIN (VALUES (1, 'first'), (3, 'third'), (99, 'none')) v(id, tag) ON o.id = v.id ORDER BY o.id
;;
SELECT pg_typeof(column1)::text, sum(column1) FROM (VALUES (1), (2.5), (NULL)) v GROUP BY 1
;;
VALUES (1), ('x'::text)
