-- The first path end to end over the PostgreSQL protocol. The expected output was produced by
-- running this file through psql against PostgreSQL 15; OmenDB must match it byte for byte.
CREATE TABLE accounts (
  id integer PRIMARY KEY,
  owner text NOT NULL,
  balance bigint,
  rate double precision,
  active boolean
);
INSERT INTO accounts VALUES
  (3, 'carol', 300, 0.5, true),
  (1, 'alice', 100, 1.25, true),
  (2, 'bob', NULL, NULL, false),
  (5, 'eve', -50, 1e-7, NULL),
  (4, 'dave', 9000000000, 1e20, true);
SELECT * FROM accounts ORDER BY id;
SELECT id, owner, balance * 2 AS doubled, balance / 7 AS div, balance % 7 AS mod, -rate AS neg
  FROM accounts ORDER BY id DESC;
SELECT owner FROM accounts WHERE active ORDER BY owner;
SELECT owner FROM accounts WHERE NOT active OR active IS NULL ORDER BY owner;
SELECT owner, balance FROM accounts WHERE balance IS NULL;
SELECT owner, balance FROM accounts WHERE balance IS NOT NULL AND balance > 100 ORDER BY balance DESC;
SELECT id FROM accounts WHERE id = 3;
SELECT id FROM accounts WHERE id >= 2 AND id < 5 ORDER BY id;
SELECT id FROM accounts WHERE id > 10;
SELECT id, rate FROM accounts ORDER BY rate NULLS FIRST, id;
SELECT id, rate FROM accounts ORDER BY rate DESC NULLS LAST;
SELECT id FROM accounts ORDER BY id LIMIT 2 OFFSET 1;
SELECT id FROM accounts ORDER BY id OFFSET 3;
SELECT 1 + 2 * 3 AS seven, 7 / 2 AS three, 7.0 / 2.0::float8 AS three_half, 'a' || 'b' AS ab;
SELECT NULL AND false AS a, NULL OR true AS b, NULL AND true AS c, NOT NULL::boolean AS d;
SELECT 2147483647 + 1;
SELECT 9223372036854775807::bigint + 1;
SELECT 1 / 0;
SELECT 1.5::float8 / 0;
SELECT 'abc'::integer;
SELECT '12'::integer + 1 AS thirteen, 'yes'::boolean AS yes, '1e3'::float8 AS thousand;
INSERT INTO accounts VALUES (1, 'again', 0, 0, true);
INSERT INTO accounts VALUES (6, NULL, 0, 0, true);
INSERT INTO accounts (id, owner) VALUES (6, 'frank'), (7, 'grace');
SELECT id, owner, balance, rate, active FROM accounts WHERE id > 5 ORDER BY id;
INSERT INTO accounts (id, nope) VALUES (8, 1);
INSERT INTO accounts (id, owner, active) VALUES (8, 'x', 1);
SELECT nope FROM accounts;
SELECT * FROM missing;
SELEC 1;
CREATE TABLE accounts (id integer);
CREATE TABLE IF NOT EXISTS accounts (id integer);
CREATE TABLE pairs (a integer, b text, PRIMARY KEY (a, b));
INSERT INTO pairs VALUES (1, 'x'), (1, 'y'), (2, 'x');
INSERT INTO pairs VALUES (1, 'y');
SELECT * FROM pairs ORDER BY a DESC, b;
DROP TABLE pairs;
DROP TABLE pairs;
DROP TABLE IF EXISTS pairs;
SELECT count FROM accounts;
SELECT 'x' AS "Mixed Case", 1.5::float8 AS f, true, 'text'::text;
SELECT 0.1::float8 + 0.2::float8 AS sum, 1e15::float8 AS big, 1e-5::float8 AS small, 'NaN'::float8 AS nan, '-Infinity'::float8 AS ninf;
