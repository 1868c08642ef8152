-- The analytics benchmark's queries (bench/analytics_vs_peers.sh): one per line, run as they
-- are by OmenDB, PostgreSQL 15 and DuckDB over the table the script loads:
--   t (id bigint PRIMARY KEY, a integer = id % 1000, b double precision = id / 2.0,
--      c text = 'row ' || id, d integer = id * 7 % 100)
SELECT count(*) FROM t
SELECT sum(b) FROM t WHERE a < 100
SELECT count(*), sum(a), min(b), max(id) FROM t WHERE a < 500 AND d >= 50
SELECT count(*) FROM t WHERE d < 10 AND c LIKE 'row 1%'
SELECT a, count(*), sum(b), min(id), max(id) FROM t WHERE d < 50 GROUP BY a ORDER BY a
SELECT d, count(*), sum(a) FROM t GROUP BY d ORDER BY d
SELECT id, c FROM t WHERE a = 5 AND d = 35 ORDER BY id
SELECT sum(b) FROM t WHERE id BETWEEN 1000000 AND 1999999
