-- INSERT/UPDATE/DELETE with RETURNING, ON CONFLICT, DEFAULT, CHECK, NOT NULL, assignment casts,
-- INSERT ... SELECT, UPDATE ... FROM, DELETE ... USING, failing statements that must change
-- nothing. Every change is followed by a SELECT that checks both databases hold the same rows.
CREATE TABLE dm (id integer PRIMARY KEY, v text, n numeric(6,2), f real, d date DEFAULT '2024-01-01', ts timestamp, c char(3), vc varchar(5), b boolean DEFAULT false, u uuid, by bytea, iv interval, i2 smallint, i8 bigint CHECK (i8 <> 13))
;;
INSERT INTO dm (id, v) VALUES (1, 'one')
;;
INSERT INTO dm VALUES (2, 'two', 2.345, 2.5, '2024-02-29', '2024-02-29 12:00', 'ab', 'abc', true, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x0102', '1 day', 2, 2)
;;
-- ordered
INSERT INTO dm (id, v, n, f, i2, i8) VALUES (3, 'three', 3, 3, 3, 3), (4, NULL, NULL, NULL, NULL, NULL), (5, '', -5.555, -0.5, -5, -5) RETURNING id, v, n, f, d, b
;;
SELECT * FROM dm ORDER BY id
;;
INSERT INTO dm (id, n) VALUES (6, 9999.994) RETURNING n
;;
INSERT INTO dm (id, n) VALUES (7, 9999.995)
;;
INSERT INTO dm (id, vc) VALUES (7, 'toolong')
;;
INSERT INTO dm (id, vc) VALUES (7, 'ok   ') RETURNING vc || '|', length(vc)
;;
INSERT INTO dm (id, c) VALUES (8, 'abcd')
;;
INSERT INTO dm (id, c) VALUES (8, 'abc ') RETURNING c || '|'
;;
INSERT INTO dm (id, vc, c) VALUES (9, 'abcdef'::varchar(5), 'abcdef'::char(3)) RETURNING vc, c
;;
INSERT INTO dm (id, i2) VALUES (10, 32768)
;;
INSERT INTO dm (id, i2) VALUES (10, 2.5) RETURNING i2
;;
INSERT INTO dm (id, i2, i8, f) VALUES (11, '7', '8', '1e10') RETURNING i2, i8, f
;;
INSERT INTO dm (id, i8) VALUES (12, 13)
;;
INSERT INTO dm (id, i8) VALUES (12, NULL) RETURNING i8
;;
INSERT INTO dm (id, d) VALUES (13, 'not a date')
;;
INSERT INTO dm (id, u) VALUES (13, 'not-a-uuid')
;;
INSERT INTO dm (id, by) VALUES (13, '\xabc')
;;
INSERT INTO dm (id, iv) VALUES (13, 'soon')
;;
INSERT INTO dm (id, ts, d) VALUES (13, '2024-05-05 10:00:00+05', '2024-05-05 23:59') RETURNING ts, d
;;
INSERT INTO dm (id, f) VALUES (14, 1e39)
;;
INSERT INTO dm (id, f, n) VALUES (14, 'NaN', 'NaN') RETURNING f, n
;;
INSERT INTO dm (id) VALUES (1)
;;
INSERT INTO dm (id) VALUES (NULL)
;;
INSERT INTO dm (id, v) VALUES (20, 'a'), (21, 'b'), (20, 'c')
;;
INSERT INTO dm (id, vc) VALUES (22, 'fine'), (23, 'too long!')
;;
SELECT id, v, n, f, d, ts, c, vc, b, i2, i8 FROM dm ORDER BY id
;;
INSERT INTO dm (id, v) VALUES (1, 'uno') ON CONFLICT DO NOTHING
;;
-- ordered
INSERT INTO dm (id, v) VALUES (1, 'uno'), (30, 'thirty') ON CONFLICT (id) DO NOTHING RETURNING id, v
;;
INSERT INTO dm (id, v) VALUES (1, 'uno') ON CONFLICT (id) DO UPDATE SET v = excluded.v || '/' || dm.v RETURNING id, v
;;
-- ordered
INSERT INTO dm (id, v, n) VALUES (2, 'dos', 1), (31, 'new', 1) ON CONFLICT (id) DO UPDATE SET n = dm.n + excluded.n WHERE dm.n > 100 RETURNING id, v, n
;;
INSERT INTO dm (id, v, n) VALUES (2, 'dos', 1) ON CONFLICT (id) DO UPDATE SET n = dm.n + excluded.n WHERE dm.n < 100 RETURNING id, v, n
;;
INSERT INTO dm (id, v) VALUES (32, 'a'), (32, 'b') ON CONFLICT (id) DO UPDATE SET v = excluded.v
;;
INSERT INTO dm (id, i8) VALUES (3, 0) ON CONFLICT (id) DO UPDATE SET i8 = 13
;;
INSERT INTO dm (id, v) VALUES (3, 'x') ON CONFLICT (v) DO NOTHING
;;
SELECT id, v, n, i8 FROM dm ORDER BY id
;;
UPDATE dm SET v = upper(v) WHERE id < 4
;;
-- unordered
UPDATE dm SET n = n * 2, f = f + 1 WHERE n IS NOT NULL RETURNING id, n, f
;;
UPDATE dm SET n = n * 1000 WHERE id = 6
;;
UPDATE dm SET vc = v WHERE id = 5 RETURNING vc
;;
UPDATE dm SET vc = 'toolong' WHERE id = 5
;;
UPDATE dm SET vc = 'toolong' WHERE id = 5000
;;
UPDATE dm SET i8 = 13 WHERE id > 100
;;
UPDATE dm SET i8 = 13 WHERE id = 2
;;
UPDATE dm SET id = id + 100 WHERE id = 30 RETURNING id
;;
UPDATE dm SET id = 1 WHERE id = 2
;;
UPDATE dm SET d = DEFAULT, b = DEFAULT WHERE id = 2 RETURNING d, b
;;
UPDATE dm SET i2 = i2 * 20000 WHERE id = 3
;;
UPDATE dm SET ts = ts + '1 mon'::interval, iv = iv * 2, by = by || '\xff' WHERE id = 2 RETURNING ts, iv, by
;;
UPDATE dm SET v = NULL, n = NULL WHERE id = 3 RETURNING *
;;
UPDATE dm SET nosuch = 1
;;
UPDATE dm SET v = 'x' WHERE nosuch = 1
;;
SELECT id, v, n, f, d, ts, c, vc, b, by, iv, i2, i8 FROM dm ORDER BY id
;;
DELETE FROM dm WHERE id = 4 RETURNING id, v
;;
DELETE FROM dm WHERE id = 4
;;
-- unordered
DELETE FROM dm WHERE v IS NULL AND id > 10 RETURNING id
;;
DELETE FROM dm WHERE id IN (SELECT id FROM dm WHERE id > 100)
;;
SELECT id, v FROM dm ORDER BY id
;;
CREATE TABLE dm2 (k text PRIMARY KEY, qty integer NOT NULL DEFAULT 1, price numeric(8,2) CHECK (price >= 0), note varchar(10))
;;
INSERT INTO dm2 (k, price) SELECT name, price FROM names WHERE price >= 0
;;
SELECT k, qty, price, note FROM dm2 ORDER BY k
;;
INSERT INTO dm2 (k, price) SELECT name, price FROM names WHERE price > 1
;;
INSERT INTO dm2 (k, price) SELECT name || '#', price FROM names
;;
INSERT INTO dm2 (k, price) VALUES ('apple', -5)
;;
INSERT INTO dm2 (k, qty) SELECT name || '!', qty FROM names WHERE qty IS NULL
;;
INSERT INTO dm2 (k, qty, note) SELECT 'x' || id, i4, t FROM everything WHERE id IN (1, 4)
;;
-- unordered
INSERT INTO dm2 (k, qty, note) SELECT 'x' || id, i4, t FROM everything WHERE id IN (1, 7) RETURNING k, qty, note
;;
-- unordered
INSERT INTO dm2 (k, qty, note) SELECT 'y' || id, i4, left(t, 10) FROM everything WHERE i4 IS NOT NULL RETURNING k
;;
INSERT INTO dm2 DEFAULT VALUES
;;
INSERT INTO dm2 (k) VALUES ('default') RETURNING *
;;
INSERT INTO dm2 (k, qty) VALUES ('nul', NULL)
;;
INSERT INTO dm2 (k, price) VALUES ('neg', -0.01)
;;
INSERT INTO dm2 (k, price) VALUES ('neg', -0.001) RETURNING price
;;
INSERT INTO dm2 (k, price) VALUES ('big', 1000000)
;;
SELECT k, qty, price, note FROM dm2 ORDER BY k
;;
-- unordered
UPDATE dm2 SET qty = qty + o.qty FROM orders o WHERE o.customer = dm2.k RETURNING dm2.k, dm2.qty
;;
SELECT k, qty FROM dm2 ORDER BY k
;;
UPDATE dm2 SET price = -price WHERE price > 0
;;
UPDATE dm2 SET qty = NULL WHERE k = 'apple'
;;
-- unordered
DELETE FROM dm2 USING orders o WHERE o.customer = dm2.k AND o.qty > 1 RETURNING dm2.k
;;
DELETE FROM dm2 WHERE k LIKE 'y%' AND qty < 0
;;
SELECT k, qty, price, note FROM dm2 ORDER BY k
;;
BEGIN; INSERT INTO dm2 (k) VALUES ('rolled back'); ROLLBACK
;;
BEGIN; INSERT INTO dm2 (k) VALUES ('committed'); UPDATE dm2 SET qty = 42 WHERE k = 'committed'; COMMIT
;;
SELECT k, qty FROM dm2 WHERE k IN ('rolled back', 'committed') ORDER BY k
;;
CREATE TABLE dm3 (a date, b timestamp, c uuid, d numeric, e text, PRIMARY KEY (a, b))
;;
INSERT INTO dm3 VALUES ('2024-01-01', '2024-01-01 00:00', NULL, 1, 'x'), ('2024-01-01', '2024-01-01 00:00:01', NULL, 2, 'y'), ('infinity', 'infinity', '00000000-0000-0000-0000-000000000000', 'NaN', NULL)
;;
INSERT INTO dm3 VALUES ('2024-01-01', '2024-01-01 00:00', NULL, 3, 'dup')
;;
INSERT INTO dm3 VALUES ('2024-01-01', '2024-01-01 00:00', NULL, 3, 'upd') ON CONFLICT (a, b) DO UPDATE SET d = dm3.d + excluded.d, e = excluded.e RETURNING *
;;
INSERT INTO dm3 VALUES (NULL, '2024-01-01', NULL, NULL, NULL)
;;
UPDATE dm3 SET b = b + '1 second'::interval WHERE a = '2024-01-01' AND d = 2 RETURNING b
;;
SELECT * FROM dm3 ORDER BY a, b
;;
UPDATE dm3 SET b = '2024-01-01 00:00:01' WHERE e = 'upd'
;;
DELETE FROM dm3 WHERE a = 'infinity' RETURNING c, d
;;
SELECT * FROM dm3 ORDER BY a, b
;;
INSERT INTO measures VALUES (1.50, 'collides with 1.5', 0)
;;
INSERT INTO measures VALUES ('NaN', 'collides with NaN', 0)
;;
INSERT INTO tokens VALUES ('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', NULL, NULL, NULL)
;;
INSERT INTO names (name) VALUES ('apple')
;;
INSERT INTO names (name, qty) VALUES ('apple  ', 1) RETURNING name || '|', active
;;
DELETE FROM names WHERE name = 'apple  ' RETURNING name
;;
INSERT INTO days VALUES ('2024-02-29 00:00', 0, 0, 'dup')
;;
INSERT INTO moments (at) VALUES ('2024-11-03 01:30:00.0000001')
;;
INSERT INTO big_keys (k) VALUES (9223372036854775807)
;;
INSERT INTO pairs VALUES (1, 'x', 0, NULL)
;;
INSERT INTO pairs VALUES (1, 'x ', 0, NULL) RETURNING a, b || '|'
;;
DELETE FROM pairs WHERE b = 'x ' RETURNING *
;;
INSERT INTO accounts (id, owner, balance) VALUES (5, 'eve', -100.01)
;;
INSERT INTO accounts (id, owner, kind) VALUES (5, 'eve', 'x')
;;
INSERT INTO accounts (id, owner, limit_amount) VALUES (5, 'eve', 0)
;;
INSERT INTO accounts (id, owner, limit_amount) VALUES (5, 'eve', NULL) RETURNING *
;;
INSERT INTO accounts (id, balance) VALUES (6, 1)
;;
INSERT INTO accounts (id, owner) VALUES (6, 'averylongname')
;;
UPDATE accounts SET balance = balance - 150 WHERE id = 1 RETURNING balance
;;
UPDATE accounts SET balance = balance - 200 WHERE id = 1
;;
UPDATE accounts SET kind = 's' WHERE kind IS NULL RETURNING id, kind
;;
UPDATE accounts SET owner = NULL WHERE id = 2
;;
SELECT * FROM accounts ORDER BY id
;;
DELETE FROM accounts WHERE id = 5
;;
UPDATE accounts SET balance = balance + 150 WHERE id = 1
;;
SELECT * FROM accounts ORDER BY id
;;
DROP TABLE dm, dm2, dm3
;;
SELECT count(*) FROM dm
