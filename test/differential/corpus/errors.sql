-- Failing statements: the SQLSTATE must match PostgreSQL's (messages are not compared).
SELECT 'abc'::integer
;;
SELECT '12abc'::bigint
;;
SELECT '1e5'::integer
;;
SELECT 'truee'::boolean
;;
SELECT '1.2.3'::numeric
;;
SELECT '--1'::numeric
;;
SELECT '1e'::float8
;;
SELECT '2024-01-01 12:00:00 +25'::timestamptz
;;
SELECT '2024-02-30 00:00'::timestamp
;;
SELECT '12:00:61'::time
;;
SELECT '99999-99-99'::date
;;
SELECT '1 day 2 days'::interval
;;
SELECT 'xyz'::uuid
;;
SELECT '\xgg'::bytea
;;
SELECT 99999::smallint
;;
SELECT (-2147483648)::integer * -1
;;
SELECT 4611686018427387904::bigint * 2
;;
SELECT -9223372036854775807 - 2
;;
SELECT 1e1000::float8
;;
SELECT 12345.678::numeric(6,3)
;;
SELECT 1e131072::numeric
;;
SELECT 10::numeric(3,5)
;;
SELECT 0::numeric(0)
;;
SELECT 'x'::varchar(0)
;;
SELECT 7 / 0
;;
SELECT 7.0 / 0.0
;;
SELECT 7 % 0
;;
SELECT 7::float8 / 0.0::float8
;;
SELECT 7::real / 0
;;
SELECT 7.5 % 0.0
;;
SELECT 1 / (SELECT 0)
;;
SELECT i4 / 0 FROM everything WHERE id = 1
;;
SELECT n / 0 FROM everything WHERE id = 1
;;
SELECT f8 / 0 FROM everything WHERE id = 1
;;
SELECT i4 / (i2 - 1) FROM everything WHERE id = 1
;;
SELECT i2 * 3 FROM everything WHERE id = 3
;;
SELECT i4 + 1 FROM everything WHERE id = 3
;;
SELECT i8 - 1 FROM everything WHERE id = 4
;;
SELECT f8 * 2 FROM everything WHERE id = 3
;;
SELECT f4 * 2 FROM everything WHERE id = 3
;;
SELECT -i4 FROM everything WHERE id = 4
;;
SELECT i8::integer FROM everything WHERE id = 7
;;
SELECT i4::smallint FROM everything WHERE id = 3
;;
SELECT n::bigint FROM everything WHERE id = 3
;;
SELECT n::integer FROM everything WHERE id = 5
;;
SELECT n52::numeric(3,1) FROM everything WHERE id = 3
;;
SELECT t::integer FROM everything WHERE id = 1
;;
SELECT t::varchar(3) FROM everything WHERE id = 1
;;
SELECT vc::char(2) FROM everything WHERE id = 1
;;
SELECT d + 1 FROM everything WHERE id = 3
;;
SELECT ts + '1 day'::interval FROM everything WHERE id = 3
;;
SELECT ts - '1 day'::interval FROM everything WHERE id = 4
;;
SELECT iv * 1000 FROM everything WHERE id = 3
;;
SELECT d - '1 day'::interval FROM everything WHERE id = 4
;;
SELECT nosuch FROM everything
;;
SELECT id FROM everything WHERE nosuch > 0
;;
SELECT id FROM everything ORDER BY nosuch
;;
SELECT id FROM everything GROUP BY nosuch
;;
SELECT count(nosuch) FROM everything
;;
SELECT e.nosuch FROM everything e
;;
SELECT x.id FROM everything e
;;
SELECT * FROM nosuch
;;
SELECT * FROM everything, nosuch
;;
INSERT INTO nosuch VALUES (1)
;;
UPDATE nosuch SET a = 1
;;
DELETE FROM nosuch
;;
INSERT INTO everything (id, nosuch) VALUES (100, 1)
;;
SELECT id FROM everything JOIN orders ON item_id = id
;;
SELECT id FROM everything e JOIN orders o ON o.item_id = e.id ORDER BY id
;;
SELECT t FROM everything GROUP BY b
;;
SELECT b, t FROM everything GROUP BY b
;;
SELECT id, count(*) FROM everything GROUP BY b
;;
SELECT count(*) FROM everything GROUP BY 3
;;
SELECT id FROM everything ORDER BY 2
;;
SELECT id FROM everything ORDER BY 0
;;
SELECT max(count(*)) FROM everything
;;
SELECT id FROM everything WHERE sum(i4) > 0
;;
SELECT id FROM everything WHERE i4
;;
SELECT id FROM everything WHERE t
;;
SELECT id FROM everything WHERE 1
;;
SELECT id FROM everything LIMIT 'x'
;;
SELECT id FROM everything LIMIT -5
;;
SELECT id FROM everything OFFSET -5
;;
SELECT 1 + 'a'
;;
SELECT 'a' + 'b'
;;
SELECT true + 1
;;
SELECT b + 1 FROM everything
;;
SELECT t + 1 FROM everything
;;
SELECT d * 2 FROM everything
;;
SELECT u + 1 FROM everything
;;
SELECT by * 2 FROM everything
;;
SELECT ts + ts FROM everything
;;
SELECT d + d FROM everything
;;
SELECT i4 = t FROM everything
;;
SELECT d = i4 FROM everything
;;
SELECT b = i4 FROM everything
;;
SELECT u = t FROM everything
;;
SELECT by = t FROM everything
;;
SELECT iv < ts FROM everything
;;
SELECT id FROM everything WHERE t LIKE 5
;;
SELECT id FROM everything WHERE i4 LIKE '1%'
;;
SELECT upper(1)
;;
SELECT length(1)
;;
SELECT substr('abc', 'x')
;;
SELECT abs('x')
;;
SELECT sqrt('abc')
;;
SELECT round(1.5, 'a')
;;
SELECT repeat('x', 'y')
;;
SELECT coalesce(1, true)
;;
SELECT greatest(1, 'x', 2)
;;
SELECT nullif(1, 'x')
;;
SELECT CASE WHEN 1 THEN 2 END
;;
SELECT CASE 1 WHEN 'a' THEN 2 END
;;
SELECT 1 IN ('a', 2)
;;
SELECT (SELECT id FROM everything WHERE id < 3)
;;
SELECT id FROM everything WHERE id = (SELECT id FROM everything)
;;
SELECT id FROM everything WHERE id IN (SELECT id, t FROM everything)
;;
SELECT * FROM (SELECT 1, 2) s(a)
;;
SELECT * FROM (SELECT 1) AS s(a, b)
;;
SELECT 1 UNION SELECT 1, 2
;;
SELECT id FROM everything UNION SELECT t FROM everything
;;
SELECT d FROM everything INTERSECT SELECT i4 FROM everything
;;
SELECT 1 FROM everything ORDER BY 1 LIMIT 1 OFFSET 'x'
;;
SELEC 1
;;
SELECT FROM WHERE
;;
SELECT 'unterminated
;;
SELECT 1,
;;
SELECT (1
;;
CREATE TABLE everything (x integer)
;;
CREATE TABLE bad1 (a integer PRIMARY KEY, a text)
;;
CREATE TABLE bad2 (a nosuchtype)
;;
CREATE TABLE bad3 (a integer PRIMARY KEY, b integer PRIMARY KEY)
;;
CREATE TABLE bad4 (a integer, PRIMARY KEY (b))
;;
CREATE TABLE bad5 (a varchar(0))
;;
CREATE TABLE bad6 (a numeric(2000))
;;
CREATE TABLE bad7 (a integer CHECK (nosuch > 0))
;;
CREATE TABLE bad8 (a integer DEFAULT 'abc')
;;
DROP TABLE nosuch
;;
DROP TABLE IF EXISTS nosuch
;;
INSERT INTO everything (id) VALUES (1)
;;
INSERT INTO everything (id) VALUES (NULL)
;;
INSERT INTO everything (id, i2) VALUES (100, 40000)
;;
INSERT INTO everything (id, vc) VALUES (100, 'ninechars')
;;
INSERT INTO everything (id, ch) VALUES (100, 'fivec')
;;
INSERT INTO everything (id, n52) VALUES (100, 1000)
;;
INSERT INTO everything (id, d) VALUES (100, 'soon')
;;
INSERT INTO everything (id, b) VALUES (100, 'maybe')
;;
INSERT INTO everything (id, u) VALUES (100, 'a0eebc99')
;;
INSERT INTO everything (id, i4) VALUES (100, 'abc')
;;
INSERT INTO everything (id, i4) VALUES (100, 1, 2)
;;
INSERT INTO everything (id, i4, i4) VALUES (100, 1, 2)
;;
INSERT INTO everything (id, i4) VALUES (100)
;;
INSERT INTO everything (id, i4) SELECT 100, 'x'::text
;;
INSERT INTO everything (id, d) VALUES (100, 5)
;;
INSERT INTO everything (id, b) VALUES (100, 1)
;;
INSERT INTO accounts (id, owner) VALUES (NULL, 'x')
;;
INSERT INTO accounts (id, owner, balance) VALUES (10, 'x', NULL)
;;
INSERT INTO accounts (id, owner, balance) VALUES (10, 'x', -1000)
;;
INSERT INTO accounts (id, owner, balance) VALUES (1, 'x', -1000)
;;
INSERT INTO accounts (id, owner, balance) VALUES (10, 'x', 123456789)
;;
UPDATE accounts SET balance = -101 WHERE id = 3
;;
UPDATE accounts SET id = 2 WHERE id = 3
;;
UPDATE accounts SET owner = NULL
;;
UPDATE accounts SET kind = 'zz' WHERE id = 1
;;
UPDATE accounts SET limit_amount = -1 WHERE id = 1
;;
UPDATE accounts SET balance = 'x' WHERE id = 1
;;
UPDATE everything SET i2 = i2 + 1 WHERE id = 3
;;
UPDATE everything SET id = id + 1 WHERE id = 1
;;
UPDATE everything SET id = NULL WHERE id = 1
;;
INSERT INTO accounts (id, owner) VALUES (10, 'x') ON CONFLICT (owner) DO NOTHING
;;
INSERT INTO accounts (id, owner) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET balance = -1000
;;
INSERT INTO accounts (id, owner) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET nosuch = 1
;;
SELECT * FROM accounts ORDER BY id
;;
SELECT id, i2, vc, ch, n52, d, b, u FROM everything WHERE id >= 100 OR id = 1 ORDER BY id
