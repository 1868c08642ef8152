-- Schema and data for the differential test (run_differential.py applies it to PostgreSQL 15
-- and to OmenDB; every statement must succeed on both). Records are separated by `;;` lines.
-- Every supported type appears, every column holds NULL somewhere, and primary keys are of
-- integer, bigint, text, date, timestamp, uuid, numeric and composite type.

-- One column of every type; row 2 is all NULLs, rows 3-6 hold the edge values.
CREATE TABLE everything (
  id integer PRIMARY KEY,
  b boolean,
  i2 smallint,
  i4 integer,
  i8 bigint,
  f4 real,
  f8 double precision,
  n numeric,
  n52 numeric(5,2),
  t text,
  vc varchar(8),
  ch char(4),
  by bytea,
  d date,
  tm time,
  ts timestamp,
  tz timestamptz,
  iv interval,
  u uuid
)
;;
INSERT INTO everything VALUES
 (1, true, 1, 10, 100, 1.5, 2.25, 3.14159, 1.5, 'alpha', 'alpha', 'ab', '\x0102', '2024-02-29', '12:34:56', '2024-02-29 12:34:56', '2024-02-29 12:34:56+00', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),
 (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (3, true, 32767, 2147483647, 9223372036854775807, 3.4028235e38, 1.7976931348623157e308, 12345678901234567890.123456789012, 999.99, '', '', '', '\x', '5874897-12-31', '24:00:00', '294276-12-31 23:59:59.999999', '294276-12-31 23:59:59.999999+00', '178000000 years', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
 (4, false, -32768, -2147483648, -9223372036854775808, -3.4028235e38, -1.7976931348623157e308, -0.000000000000000000001, -999.99, 'héllo wörld ✓ 日本', 'ab  ', 'a', '\x00ff', '4713-01-01 BC', '00:00:00', '4713-01-01 00:00:00 BC', '4713-01-01 00:00:00+00 BC', '-178000000 years', '00000000-0000-0000-0000-000000000000'),
 (5, false, 0, 0, 0, 'NaN', 'NaN', 'NaN', 0, ' ', ' ', ' ', '\x00', 'infinity', '00:00:00.000001', 'infinity', 'infinity', '-1 days +00:00:01', '00000000-0000-0000-0000-000000000001'),
 (6, NULL, -1, -1, -1, 'Infinity', '-Infinity', 'Infinity', -0.01, 'line1
line2', 'tab	x', 'z   ', '\xdeadbeef', '-infinity', '23:59:59.999999', '-infinity', '-infinity', '-1 year -2 mons +3 days -04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12'),
 (7, true, 7, 70, 7000000000, '-Infinity', 'Infinity', '-Infinity', 7.77, 'Alpha', 'ALPHA', 'AB', 'abc', '2000-01-01', '07:00:00', '2000-01-01 00:00:00', '2000-01-01 00:00:00-08', '0 seconds', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),
 (8, false, 8, 80, -8000000000, '-0', '-0', -0.0, 0.00, 'beta', 'beta', 'b', '\x62657461', '1999-12-31', '23:59:59', '1999-12-31 23:59:59.5', '1999-12-31 23:59:59.5+05:30', '1 mon', NULL),
 (9, true, NULL, 90, 9, 0.1, 0.1, 0.1, 0.10, 'gamma', NULL, 'g', NULL, '1970-01-01', NULL, '1970-01-01 00:00:00', '1970-01-01 00:00:00+00', '30 days', 'c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),
 (10, NULL, 10, NULL, 10, 2.5, NULL, 2.5, NULL, NULL, 'delta', NULL, '\x0a', NULL, '10:10:10.101', NULL, '2010-10-10 10:10:10.101+02', NULL, 'd0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),
 (11, false, 11, 110, 1100, NULL, -2.75, NULL, 11.00, 'epsilon', 'eps  ', 'eps', '\x', '2011-11-11', '11:11:11', '2011-11-11 11:11:11', NULL, '11 hours 11 minutes', NULL),
 (12, true, 12, 120, 1200, -12.5, 12.125, -12.5, -12.50, 'Zeta', 'zeta', 'zeta', '\x7a657461', '2012-12-12', '12:00:00', '2012-12-12 12:12:12.121212', '2012-12-12 12:12:12.121212-03', '-12 days', 'e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),
 (13, false, -13, -130, -13000, 13, -13, 13, 13.13, 'eta', 'eta', 'eta ', '\x00', '2013-01-13', '13:13:13', NULL, '2013-01-13 13:13:13+00', '13 years 1 mon', 'f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),
 (14, true, 14, 140, 140000, 0.25, 1e-300, 1e-30, 1.40, 'theta%', 'th_ta', 't%_', '\x5c', '2014-04-14', '14:14:00', '2014-04-14 14:14:00', '2014-04-14 14:14:00+14', '2 days 25:00:00', '01234567-89ab-cdef-0123-456789abcdef'),
 (15, NULL, 15, 150, NULL, 1e-40, 1e300, 1e30, 99.5, 'ιώτα', 'ιώτα', 'ιώτ', '\xceb9', '1582-10-15', '15:00:00.5', '1582-10-15 00:00:00', '1582-10-15 00:00:00+00', '00:00:00.000001', '11111111-1111-1111-1111-111111111111')
;;
-- bigint key (including extreme keys).
CREATE TABLE big_keys (k bigint PRIMARY KEY, grp integer, label varchar(12), amount numeric(12,2))
;;
INSERT INTO big_keys VALUES
 (-9223372036854775808, 1, 'min', -1000000000.00),
 (9223372036854775807, 1, 'max', 1000000000.00),
 (0, 2, 'zero', 0),
 (1, 2, 'one', 1.005),
 (-1, 2, 'minus one', -1.005),
 (4294967296, 3, 'two^32', 4294967296),
 (-4294967296, 3, NULL, NULL),
 (1000000000000, 3, 'trillion', 0.01),
 (42, NULL, 'answer', 42.42),
 (7, 4, '', -0.5),
 (8, 4, 'eight   ', 8.5),
 (9, NULL, NULL, 9)
;;
-- text key (empty string, case, trailing blanks, unicode) with numeric(8,2), char(3), boolean.
CREATE TABLE names (name text PRIMARY KEY, qty integer, price numeric(8,2), code char(3), active boolean NOT NULL DEFAULT true)
;;
INSERT INTO names VALUES
 ('apple', 10, 1.25, 'APL', true),
 ('Apple', 5, 1.30, 'apl', false),
 ('apple ', 1, NULL, 'a', true),
 ('', 0, 0, '', false),
 ('banana', NULL, 0.25, 'BAN', true),
 ('cherry', 200, 12.00, NULL, true),
 ('date', 7, 3.50, 'DAT', false),
 ('éclair', 3, 2.75, 'ECL', true),
 ('fig', -4, -1.00, 'FIG', true),
 ('grape', 50, NULL, 'GRP', false),
 ('Zucchini', 12, 0.99, 'ZUC', true),
 ('日本', 8, 100.00, '日本', true),
 ('a%b', 1, 1, '%', true),
 ('a_b', 2, 2, '_', false),
 ('a\b', 3, 3, '\', true)
;;
-- date key (BC, infinity) with real, double precision, text.
CREATE TABLE days (day date PRIMARY KEY, hi real, lo double precision, note text)
;;
INSERT INTO days VALUES
 ('2024-01-01', 5.5, -2.25, 'new year'),
 ('2024-01-02', 6, -1, NULL),
 ('2024-01-03', NULL, 0.5, 'mild'),
 ('2024-02-28', 10.25, 3.75, 'late feb'),
 ('2024-02-29', 11, NULL, 'leap day'),
 ('2024-03-01', 12.5, 4, 'march'),
 ('2023-12-31', -1.5, -10.5, 'new year''s eve'),
 ('2000-02-29', 0, 0, 'y2k leap'),
 ('1900-01-01', NULL, NULL, NULL),
 ('0001-01-01', 1, 1, 'year one'),
 ('0001-12-31 BC', -1, -1, 'year zero'),
 ('infinity', 'Infinity', 'Infinity', 'forever'),
 ('-infinity', '-Infinity', '-Infinity', 'never')
;;
-- timestamp key with timestamptz, interval, time, smallint.
CREATE TABLE moments (at timestamp PRIMARY KEY, atz timestamptz, dur interval, t time, seq smallint)
;;
INSERT INTO moments VALUES
 ('2024-03-10 01:30:00', '2024-03-10 01:30:00-05', '1 hour', '01:30', 1),
 ('2024-03-10 03:30:00', '2024-03-10 03:30:00-04', '-1 hour', '03:30', 2),
 ('2024-11-03 01:30:00', '2024-11-03 01:30:00-04', '1 day', '01:30', 3),
 ('2024-11-03 01:30:00.000001', '2024-11-03 06:30:00+00', '1 mon', '01:30:00.000001', 4),
 ('2024-01-31 12:00:00', '2024-01-31 12:00:00+00', '1 mon 1 day', '12:00', 5),
 ('2023-12-31 23:59:59.999999', '2023-12-31 23:59:59.999999+00', '00:00:00.000001', '23:59:59.999999', 6),
 ('2000-01-01 00:00:00', NULL, NULL, NULL, NULL),
 ('1999-12-31 00:00:00', '1999-12-31 00:00:00+13', '-2 days +47:00:00', '00:00', 8),
 ('1969-07-20 20:17:40', '1969-07-20 20:17:40+00', '8 days 03:18:35', '20:17:40', 9),
 ('0044-03-15 12:00:00 BC', '0044-03-15 12:00:00+00 BC', '2068 years', '12:00', 10),
 ('infinity', 'infinity', '1000 years', '24:00', 11),
 ('-infinity', '-infinity', '-1000 years', '00:00', 12)
;;
-- uuid key with bytea, boolean, integer.
CREATE TABLE tokens (id uuid PRIMARY KEY, payload bytea, flag boolean, n integer)
;;
INSERT INTO tokens VALUES
 ('00000000-0000-0000-0000-000000000000', '\x', true, 0),
 ('00000000-0000-0000-0000-000000000001', '\x00', false, 1),
 ('ffffffff-ffff-ffff-ffff-ffffffffffff', '\xff', NULL, 2),
 ('7fffffff-ffff-ffff-ffff-ffffffffffff', '\x7f', true, NULL),
 ('80000000-0000-0000-0000-000000000000', '\x80', false, 4),
 ('{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}', 'hello', true, 5),
 ('a0eebc999c0b4ef8bb6d6bb9bd380a12', NULL, NULL, 6),
 ('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A13', '\x68656c6c6f00', false, 7)
;;
-- numeric key (different scales compare equal: 1.0 and 1.00 collide), with text and float8.
CREATE TABLE measures (m numeric PRIMARY KEY, label text, f double precision)
;;
INSERT INTO measures VALUES
 (0, 'zero', 0),
 (1.5, 'one and a half', 1.5),
 (-1.5, 'minus one and a half', -1.5),
 (1.50000000000000000001, 'just above', 1.5),
 (100, 'hundred', 100),
 (1e-20, 'tiny', 1e-20),
 (-1e20, 'huge negative', -1e20),
 (123456789.987654321, 'precise', 123456789.98765432),
 ('NaN', 'not a number', 'NaN'),
 ('Infinity', 'infinite', 'Infinity'),
 ('-Infinity', 'minus infinite', '-Infinity'),
 (2.50, NULL, NULL),
 (3.000, 'three', 3)
;;
-- composite key (integer, text) with smallint and date.
CREATE TABLE pairs (a integer, b text, c smallint, d date, PRIMARY KEY (a, b))
;;
INSERT INTO pairs VALUES
 (1, 'x', 1, '2024-01-01'),
 (1, 'y', 2, '2024-01-02'),
 (1, 'X', 3, NULL),
 (2, 'x', NULL, '2024-01-03'),
 (2, '', 5, '2024-02-29'),
 (3, 'z', 6, '2023-12-31'),
 (-1, 'x', -1, '1999-01-01'),
 (10, 'ten', 10, '2010-10-10'),
 (11, 'alpha', 1, '2024-01-01')
;;
-- For joins: orders refer to everything.id and names.name (not every one matches).
CREATE TABLE orders (id integer PRIMARY KEY, customer text, item_id integer, qty smallint NOT NULL, placed date, total numeric(10,2))
;;
INSERT INTO orders VALUES
 (100, 'apple', 1, 2, '2024-01-01', 20.50),
 (101, 'apple', 7, 1, '2024-01-02', 5.00),
 (102, 'banana', 1, 5, '2024-01-02', NULL),
 (103, 'cherry', 99, 1, '2024-02-29', 99.99),
 (104, NULL, 9, 3, NULL, 0.30),
 (105, 'nobody', 12, 4, '2024-03-01', 12.00),
 (106, 'fig', NULL, 1, '2024-03-01', -1.00),
 (107, 'date', 12, 2, '2023-12-31', 7.00),
 (108, '', 3, 6, '2024-01-01', 0),
 (109, 'apple', 1, 1, '2024-01-03', 10.25)
;;
-- DEFAULT and CHECK constraints, NOT NULL.
CREATE TABLE accounts (
  id integer PRIMARY KEY,
  owner varchar(10) NOT NULL,
  balance numeric(10,2) NOT NULL DEFAULT 0 CHECK (balance >= -100),
  kind char(1) DEFAULT 'c' CHECK (kind IN ('c', 's')),
  opened date DEFAULT '2024-01-01',
  limit_amount bigint,
  CONSTRAINT limit_positive CHECK (limit_amount > 0)
)
;;
INSERT INTO accounts VALUES
 (1, 'ann', 100.00, 'c', '2020-05-05', 1000),
 (2, 'bob', -50.00, 's', NULL, NULL),
 (3, 'cy', 0, NULL, '2024-02-29', 1)
;;
INSERT INTO accounts (id, owner) VALUES (4, 'dee')
;;
-- Secondary indexes over columns of every type (queries with equality, IN or two-sided ranges
-- on them read the index) and unique indexes (writes check them).
CREATE INDEX everything_i4 ON everything (i4)
;;
CREATE INDEX ON everything (i2)
;;
CREATE INDEX ON everything (i8)
;;
CREATE INDEX ON everything (f4)
;;
CREATE INDEX ON everything (f8)
;;
CREATE INDEX ON everything (n)
;;
CREATE INDEX ON everything (t)
;;
CREATE INDEX ON everything (vc)
;;
CREATE INDEX ON everything (ch)
;;
CREATE INDEX ON everything (by)
;;
CREATE INDEX ON everything (d)
;;
CREATE INDEX ON everything (tm)
;;
CREATE INDEX ON everything (ts)
;;
CREATE INDEX ON everything (tz)
;;
CREATE INDEX ON everything (iv)
;;
CREATE INDEX ON everything (b)
;;
CREATE UNIQUE INDEX everything_u ON everything (u)
;;
CREATE INDEX ON orders (customer)
;;
CREATE INDEX ON orders (item_id, placed)
;;
CREATE UNIQUE INDEX accounts_owner ON accounts (owner)
;;
CREATE INDEX ON big_keys (grp)
;;
CREATE INDEX ON pairs (b)
