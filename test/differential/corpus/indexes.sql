-- Secondary and unique indexes (schema.sql creates them on every type of `everything`):
-- equality, IN lists and two-sided ranges read the index, so these compare index lookups
-- with PostgreSQL on edge values (NaN, -0, infinities, char padding, equal intervals of
-- different spelling), then writes that check unique indexes, ON CONFLICT on them, and index
-- DDL.
SELECT id FROM everything WHERE i4 = 70
;;
SELECT id FROM everything WHERE i4 IN (70, -1, 2147483647, NULL) ORDER BY id
;;
SELECT id FROM everything WHERE i4 BETWEEN -1 AND 100 ORDER BY id
;;
SELECT id FROM everything WHERE i2 = -32768
;;
SELECT id FROM everything WHERE i2 BETWEEN -13 AND 13 AND id > 2 ORDER BY id
;;
SELECT id FROM everything WHERE i8 BETWEEN -9223372036854775808 AND 0 ORDER BY id
;;
SELECT id FROM everything WHERE f4 = 'NaN'
;;
SELECT id FROM everything WHERE f4 IN ('Infinity', '-Infinity', 0.25) ORDER BY id
;;
SELECT id FROM everything WHERE f8 = 0 ORDER BY id
;;
SELECT id FROM everything WHERE f8 = '-0' ORDER BY id
;;
SELECT id FROM everything WHERE f8 BETWEEN '-Infinity' AND 'Infinity' ORDER BY id
;;
SELECT id FROM everything WHERE f8 BETWEEN 0 AND 'NaN' ORDER BY id
;;
SELECT id FROM everything WHERE n = 'NaN'
;;
SELECT id FROM everything WHERE n = 0.1
;;
SELECT id FROM everything WHERE n = 0.10000
;;
SELECT id FROM everything WHERE n BETWEEN -1 AND 13 ORDER BY id
;;
SELECT id FROM everything WHERE t = 'alpha'
;;
SELECT id FROM everything WHERE t IN ('', ' ', 'Alpha', 'zeta') ORDER BY id
;;
SELECT id FROM everything WHERE t BETWEEN 'a' AND 'z' ORDER BY id
;;
SELECT id FROM everything WHERE vc = 'ab'
;;
SELECT id FROM everything WHERE vc = 'ab  '
;;
SELECT id FROM everything WHERE ch = 'ab' ORDER BY id
;;
SELECT id FROM everything WHERE ch = 'eta' ORDER BY id
;;
SELECT id FROM everything WHERE ch IN ('', 'z') ORDER BY id
;;
SELECT id FROM everything WHERE by = '\x00' ORDER BY id
;;
SELECT id FROM everything WHERE by BETWEEN '\x' AND '\x0a' ORDER BY id
;;
SELECT id FROM everything WHERE d = 'infinity'
;;
SELECT id FROM everything WHERE d BETWEEN '2000-01-01' AND '2014-12-31' ORDER BY id
;;
SELECT id FROM everything WHERE d BETWEEN '-infinity' AND '1970-01-01' ORDER BY id
;;
SELECT id FROM everything WHERE tm = '24:00:00'
;;
SELECT id FROM everything WHERE tm BETWEEN '00:00:00' AND '12:00:00' ORDER BY id
;;
SELECT id FROM everything WHERE ts = '1999-12-31 23:59:59.5'
;;
SELECT id FROM everything WHERE ts IN ('infinity', '-infinity') ORDER BY id
;;
SELECT id FROM everything WHERE tz = '2000-01-01 08:00:00+00'
;;
SELECT id FROM everything WHERE tz BETWEEN '1999-01-01' AND '2012-12-31' ORDER BY id
;;
SELECT id FROM everything WHERE iv = '24 hours' ORDER BY id
;;
SELECT id FROM everything WHERE iv = '1 mon' ORDER BY id
;;
SELECT id FROM everything WHERE iv BETWEEN '0 seconds' AND '30 days' ORDER BY id
;;
SELECT id FROM everything WHERE b = true ORDER BY id
;;
SELECT id FROM everything WHERE b IN (false, NULL) ORDER BY id
;;
SELECT id FROM everything WHERE u = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12'
;;
SELECT id, customer FROM orders WHERE customer = 'apple' ORDER BY id
;;
SELECT id FROM orders WHERE item_id IN (1, 12) ORDER BY id
;;
SELECT id FROM orders WHERE item_id = 1 AND placed = '2024-01-02'
;;
SELECT o.id, e.id FROM orders o JOIN everything e ON e.i2 = o.item_id WHERE o.customer = 'apple' ORDER BY 1, 2
;;
SELECT id FROM everything e WHERE EXISTS (SELECT 1 FROM orders o WHERE o.item_id = e.i2 AND o.customer = 'date') ORDER BY id
;;
-- Writes through a copy with its own indexes.
CREATE TABLE ix AS SELECT id, i4, t, ch, f8, u FROM everything
;;
CREATE UNIQUE INDEX ix_u ON ix (u)
;;
CREATE UNIQUE INDEX ix_t ON ix (t)
;;
CREATE INDEX ix_i4 ON ix (i4)
;;
CREATE UNIQUE INDEX ix_ch ON ix (ch)
;;
CREATE UNIQUE INDEX ix_f8 ON ix (f8)
;;
CREATE INDEX ix_u ON ix (i4)
;;
CREATE INDEX IF NOT EXISTS ix_u ON ix (i4)
;;
INSERT INTO ix (id, u) VALUES (100, 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
;;
INSERT INTO ix (id, u) VALUES (100, 'B0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')
;;
INSERT INTO ix (id, t) VALUES (101, 'alpha'), (102, 'alpha')
;;
INSERT INTO ix (id, t) VALUES (101, NULL), (102, NULL)
;;
-- ordered
INSERT INTO ix (id, t, i4) VALUES (103, 'beta', 1) ON CONFLICT (t) DO UPDATE SET i4 = ix.i4 + excluded.i4 RETURNING id, t, i4
;;
-- ordered
INSERT INTO ix (id, t) VALUES (104, 'new'), (105, 'gamma') ON CONFLICT DO NOTHING RETURNING id, t
;;
INSERT INTO ix (id, t) VALUES (106, 'zeta'), (107, 'zeta') ON CONFLICT (t) DO UPDATE SET i4 = 0
;;
INSERT INTO ix (id, t, u) VALUES (108, 'unique-t', 'c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11') ON CONFLICT (t) DO NOTHING
;;
UPDATE ix SET t = 'alpha' WHERE id = 7
;;
UPDATE ix SET t = 'ALPHA' WHERE id = 7 RETURNING id, t
;;
UPDATE ix SET t = t || '!' WHERE i4 BETWEEN 0 AND 100
;;
SELECT id, t FROM ix WHERE t IN ('alpha!', 'ALPHA', 'beta', 'beta!') ORDER BY id
;;
DELETE FROM ix WHERE i4 = 80 RETURNING id
;;
SELECT id FROM ix WHERE i4 IN (80, 90) ORDER BY id
;;
INSERT INTO ix (id, t) VALUES (109, 'beta')
;;
SELECT id, t, i4 FROM ix ORDER BY id
;;
DROP INDEX ix_i4
;;
DROP INDEX ix_i4
;;
DROP INDEX IF EXISTS ix_i4
;;
DROP TABLE ix_u
;;
SELECT * FROM ix_u
;;
ALTER TABLE ix RENAME COLUMN t TO tt
;;
INSERT INTO ix (id, tt) VALUES (110, 'beta')
;;
ALTER TABLE ix DROP COLUMN tt
;;
INSERT INTO ix (id, u) VALUES (111, 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
;;
DROP TABLE ix
;;
CREATE TABLE ix (a integer UNIQUE, b integer, UNIQUE (a, b))
;;
INSERT INTO ix VALUES (1, 1), (2, NULL), (NULL, NULL), (NULL, NULL)
;;
INSERT INTO ix VALUES (3, 1), (3, 2)
;;
INSERT INTO ix VALUES (2, 5) ON CONFLICT (a, b) DO NOTHING
;;
INSERT INTO ix VALUES (1, 1) ON CONFLICT (a, b) DO NOTHING
;;
INSERT INTO ix VALUES (1, 7) ON CONFLICT ON CONSTRAINT ix_a_key DO UPDATE SET b = excluded.b
;;
SELECT * FROM ix ORDER BY a, b
;;
DROP TABLE ix
;;
-- Schemas: qualified names, search_path, indexes and sequences in schemas, DROP SCHEMA.
CREATE SCHEMA dx
;;
CREATE TABLE dx.orders (id serial PRIMARY KEY, customer text UNIQUE, total numeric(10,2))
;;
INSERT INTO dx.orders (customer, total) SELECT DISTINCT customer, 1.5 FROM orders WHERE customer IS NOT NULL
;;
SELECT count(*) FROM dx.orders
;;
SELECT o.id, d.customer FROM orders o JOIN dx.orders d ON d.customer = o.customer WHERE o.id < 104 ORDER BY o.id
;;
INSERT INTO dx.orders (customer) VALUES ('apple')
;;
SET search_path = dx, public
;;
SELECT count(*) FROM orders
;;
SELECT customer FROM orders WHERE customer = 'fig'
;;
SELECT count(*) FROM public.orders
;;
CREATE TABLE only_dx (a integer)
;;
SET search_path = public
;;
SELECT * FROM only_dx
;;
SELECT * FROM dx.only_dx
;;
DROP SCHEMA dx
;;
DROP SCHEMA dx CASCADE
;;
SELECT * FROM dx.orders
;;
SELECT id, i4 FROM everything ORDER BY i4 LIMIT 5
;;
SELECT id, t FROM everything ORDER BY t LIMIT 4 OFFSET 9
;;
SELECT id, d FROM everything WHERE d BETWEEN '1900-01-01' AND '2100-01-01' ORDER BY d LIMIT 3
;;
SELECT customer FROM orders ORDER BY customer LIMIT 20
;;
SELECT id, item_id, placed FROM orders ORDER BY item_id, placed LIMIT 20
