-- CREATE TABLE variants (constraints, defaults, IF NOT EXISTS, AS SELECT), views over the
-- schema, DROP; command statuses are compared too.
CREATE TABLE IF NOT EXISTS everything (x integer)
;;
CREATE TABLE d1 (a integer, b text DEFAULT 'none', c numeric(4,1) DEFAULT 1.25 CHECK (c < 100), d timestamptz DEFAULT '2024-01-01 00:00+00', PRIMARY KEY (a))
;;
-- ordered
INSERT INTO d1 (a) VALUES (1), (2) RETURNING a, b, c, d
;;
INSERT INTO d1 VALUES (3, DEFAULT, DEFAULT, DEFAULT), (4, NULL, NULL, NULL)
;;
SELECT * FROM d1 ORDER BY a
;;
CREATE TABLE d2 AS SELECT id, t, n52, d FROM everything WHERE id < 6
;;
SELECT * FROM d2 ORDER BY id
;;
CREATE TABLE d3 AS SELECT customer, sum(total) AS total, count(*) AS n FROM orders GROUP BY customer
;;
SELECT customer, total, n, pg_typeof(total)::text, pg_typeof(n)::text FROM d3 ORDER BY customer
;;
CREATE TABLE d4 AS SELECT * FROM everything WITH NO DATA
;;
SELECT count(*) FROM d4
;;
INSERT INTO d4 SELECT * FROM everything WHERE id IN (3, 4, 5, 6)
;;
SELECT * FROM d4 ORDER BY id
;;
SELECT * FROM d4 EXCEPT SELECT * FROM everything
;;
CREATE TABLE d2 (x integer)
;;
CREATE TABLE d5 (a integer CONSTRAINT a_small CHECK (a < 10), b integer, CONSTRAINT b_gt_a CHECK (b > a))
;;
INSERT INTO d5 VALUES (1, 2), (NULL, 5), (5, NULL)
;;
INSERT INTO d5 VALUES (10, 20)
;;
INSERT INTO d5 VALUES (3, 3)
;;
SELECT * FROM d5 ORDER BY a NULLS FIRST, b
;;
CREATE VIEW v_orders AS SELECT o.id, o.customer, n.qty, o.total FROM orders o LEFT JOIN names n ON n.name = o.customer
;;
SELECT * FROM v_orders ORDER BY id
;;
SELECT customer, count(*) FROM v_orders GROUP BY customer ORDER BY customer
;;
CREATE VIEW v_types (key, flag, amount, moment) AS SELECT id, b, n52, ts FROM everything
;;
SELECT * FROM v_types WHERE key > 10 ORDER BY key
;;
SELECT v.key, o.id FROM v_types v JOIN orders o ON o.item_id = v.key ORDER BY o.id
;;
DROP VIEW v_orders
;;
DROP VIEW v_types
;;
DROP TABLE d1, d2, d3, d4, d5
;;
DROP TABLE d1
;;
DROP TABLE IF EXISTS d1, d2
