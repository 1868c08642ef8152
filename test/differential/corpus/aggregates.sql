-- count/sum/avg/min/max/string_agg/bool_and/bool_or/every, DISTINCT aggregates, GROUP BY
-- (columns, expressions, positions), HAVING, over every type with NULLs. Float sums only over
-- values whose sum is exact in any order.
SELECT count(*), count(id), count(b), count(i2), count(f4), count(n), count(t), count(by), count(d), count(iv), count(u) FROM everything
;;
SELECT count(*) FROM everything WHERE id > 100
;;
SELECT count(*), sum(i4), avg(i4), min(t), max(d), bool_and(b), string_agg(t, ',') FROM everything WHERE id > 100
;;
SELECT sum(i2), sum(i4), sum(i8), min(i2), max(i2), min(i4), max(i4), min(i8), max(i8) FROM everything
;;
SELECT avg(i2), avg(i4), avg(i8) FROM everything
;;
SELECT sum(i2), avg(i2), sum(i4), avg(i4) FROM everything WHERE id NOT IN (3, 4)
;;
SELECT sum(f4), sum(f8), avg(f4), avg(f8) FROM everything WHERE id IN (1, 8, 10, 11, 12, 13, 14)
;;
SELECT min(f4), max(f4), min(f8), max(f8) FROM everything
;;
SELECT min(f4), max(f4), min(f8), max(f8) FROM everything WHERE id <> 5
;;
SELECT sum(f8) FROM everything WHERE id IN (6, 7)
;;
SELECT sum(f4) FROM everything WHERE id IN (5, 12)
;;
SELECT sum(n), avg(n), min(n), max(n) FROM everything
;;
SELECT sum(n), avg(n), min(n), max(n) FROM everything WHERE id NOT IN (5, 6, 7)
;;
SELECT sum(n52), avg(n52), min(n52), max(n52), count(n52) FROM everything
;;
SELECT sum(n) FROM everything WHERE id IN (6, 7)
;;
SELECT min(t), max(t), min(vc), max(vc), min(ch), max(ch) FROM everything
;;
SELECT min(by), max(by), min(u), max(u), min(b), max(b) FROM everything
;;
SELECT min(d), max(d), min(tm), max(tm), min(ts), max(ts), min(tz), max(tz), min(iv), max(iv) FROM everything
;;
SELECT min(d), max(d), min(ts), max(ts) FROM everything WHERE id > 6
;;
SELECT sum(iv), avg(iv) FROM everything
;;
SELECT sum(iv), avg(iv) FROM everything WHERE id > 6
;;
SELECT bool_and(b), bool_or(b), every(b) FROM everything
;;
SELECT bool_and(b), bool_or(b), every(b) FROM everything WHERE id IN (1, 2, 3, 7)
;;
SELECT bool_and(i4 > 0), bool_or(i4 > 1000), bool_and(id > 0) FROM everything
;;
SELECT bool_or(b) FROM everything WHERE b IS NULL
;;
SELECT count(DISTINCT b), count(DISTINCT i2 % 2), count(DISTINCT ch), count(DISTINCT vc), count(DISTINCT by), count(DISTINCT u) FROM everything
;;
SELECT count(DISTINCT f8), count(DISTINCT f4), count(DISTINCT n), count(DISTINCT d), count(DISTINCT iv) FROM everything
;;
SELECT count(DISTINCT m), count(DISTINCT f), count(DISTINCT round(m)) FROM measures
;;
SELECT sum(DISTINCT qty), avg(DISTINCT qty), count(DISTINCT active), sum(DISTINCT price) FROM names
;;
SELECT string_agg(t, ',' ORDER BY t) FROM everything
;;
SELECT string_agg(t, ', ') FROM (SELECT t FROM everything WHERE id > 6 ORDER BY id DESC) s
;;
SELECT string_agg(DISTINCT ch, '|' ORDER BY ch) FROM everything
;;
SELECT string_agg(vc, NULL) FROM (SELECT vc FROM everything ORDER BY id) s
;;
SELECT string_agg(t, '-') FROM everything WHERE id = 1
;;
SELECT string_agg(name, ',') FROM names WHERE qty = 10
;;
SELECT string_agg(by, '\x00'::bytea) FROM (SELECT by FROM everything ORDER BY id) s
;;
SELECT count(*) FILTER (WHERE b), sum(i4) FILTER (WHERE id > 10), max(t) FILTER (WHERE t < 'b') FROM everything
;;
SELECT b, count(*), sum(i4), min(t), max(t) FROM everything GROUP BY b ORDER BY b
;;
SELECT b, count(*) FROM everything GROUP BY b ORDER BY b DESC NULLS LAST
;;
SELECT i2 % 3 AS m, count(*), sum(i2) FROM everything GROUP BY i2 % 3 ORDER BY m NULLS FIRST
;;
SELECT i2 % 3, count(*) FROM everything GROUP BY 1 ORDER BY 1
;;
SELECT extract(year FROM d) AS y, count(*) FROM everything GROUP BY y ORDER BY y
;;
SELECT ch, count(*) FROM everything GROUP BY ch ORDER BY ch
;;
SELECT vc, count(*) FROM everything GROUP BY vc ORDER BY vc
;;
SELECT f8, count(*) FROM everything GROUP BY f8 ORDER BY f8
;;
SELECT n, count(*) FROM everything GROUP BY n ORDER BY n
;;
SELECT by, count(*) FROM everything GROUP BY by ORDER BY by
;;
-- equal intervals ('1 mon', '30 days') form one group; which spelling represents it is arbitrary
SELECT extract(epoch FROM iv), count(*) FROM everything GROUP BY iv ORDER BY iv
;;
SELECT u IS NULL, count(*), min(u), max(u) FROM everything GROUP BY u IS NULL ORDER BY 1
;;
SELECT date_trunc('year', ts) AS y, count(*), min(id) FROM everything GROUP BY 1 ORDER BY 1
;;
SELECT tz::date, count(*) FROM everything GROUP BY tz::date ORDER BY 1
;;
SELECT b, i2 > 5, count(*) FROM everything GROUP BY b, i2 > 5 ORDER BY 1, 2
;;
SELECT length(t) AS len, count(*), string_agg(t, ',' ORDER BY t) FROM everything GROUP BY length(t) ORDER BY len
;;
SELECT b, count(*) FROM everything GROUP BY b HAVING count(*) > 3 ORDER BY b
;;
SELECT b, sum(i4) FROM everything GROUP BY b HAVING sum(i4) > 100 ORDER BY b
;;
SELECT b, avg(i2) FROM everything GROUP BY b HAVING min(id) < 5 AND max(id) > 10 ORDER BY b
;;
SELECT count(*) FROM everything HAVING count(*) > 100
;;
SELECT count(*) FROM everything HAVING count(*) > 1
;;
SELECT grp, count(*), sum(amount), avg(amount), min(label), max(k) FROM big_keys GROUP BY grp ORDER BY grp NULLS FIRST
;;
SELECT sum(k), avg(k), min(k), max(k) FROM big_keys
;;
SELECT sum(k) FROM big_keys WHERE k > 0 AND k < 9223372036854775807
;;
SELECT sum(amount), avg(amount)::numeric(20,4), count(amount) FROM big_keys
;;
SELECT active, count(*), sum(qty), avg(qty), sum(price), avg(price), min(code), max(code) FROM names GROUP BY active ORDER BY active
;;
SELECT left(name, 1) AS initial, count(*), string_agg(name, '/') FROM (SELECT name FROM names ORDER BY name) s GROUP BY 1 ORDER BY 1
;;
SELECT code IS NULL, count(*), sum(qty) FROM names GROUP BY 1 ORDER BY 1
;;
SELECT extract(month FROM day) AS mon, count(*), min(hi), max(lo), sum(lo), avg(hi) FROM days WHERE isfinite(day) AND day > '2000-01-01' GROUP BY 1 ORDER BY 1
;;
SELECT count(*), min(day), max(day), count(note), min(note), max(note) FROM days
;;
SELECT min(at), max(at), min(atz), max(atz), min(t), max(t), sum(seq), avg(seq) FROM moments
;;
-- '-01:00:00' = '-2 days +47:00:00': the minimum is shown by value, not spelling
SELECT sum(dur), avg(dur), extract(epoch FROM min(dur)), max(dur) FROM moments WHERE at > '1900-01-01' AND at < '2100-01-01'
;;
SELECT date_trunc('year', at) AS y, count(*), sum(dur) FROM moments GROUP BY 1 ORDER BY 1
;;
SELECT flag, count(*), sum(n), min(payload), max(payload), min(id), max(id) FROM tokens GROUP BY flag ORDER BY flag NULLS FIRST
;;
SELECT sum(m), avg(m), min(m), max(m) FROM measures WHERE m > -1e30 AND m < 1e30
;;
SELECT sum(m), min(m), max(m) FROM measures
;;
SELECT round(m) AS r, count(*) FROM measures WHERE m > -10 AND m < 10 GROUP BY round(m) ORDER BY r
;;
SELECT a, count(*), min(b), max(b), sum(c), min(d) FROM pairs GROUP BY a ORDER BY a
;;
SELECT b, count(*), sum(a) FROM pairs GROUP BY b ORDER BY b
;;
SELECT a, b, count(*) FROM pairs GROUP BY a, b HAVING count(*) = 1 ORDER BY a, b
;;
SELECT customer, count(*), sum(qty), sum(total), avg(total), min(placed), max(placed) FROM orders GROUP BY customer ORDER BY customer NULLS LAST
;;
SELECT placed, count(*), sum(total) FROM orders GROUP BY placed HAVING count(*) > 1 ORDER BY placed
;;
SELECT count(*) AS c FROM orders GROUP BY customer ORDER BY c DESC, min(id)
;;
SELECT string_agg(customer, ',') FROM (SELECT customer FROM orders ORDER BY customer DESC NULLS FIRST, id) s
;;
SELECT sum(qty * total), sum(qty)::float8 / count(*), max(total) - min(total) FROM orders
;;
SELECT avg(qty), avg(qty::float8), avg(qty::numeric(10,3)) FROM orders
;;
SELECT count(*) FROM (SELECT DISTINCT customer FROM orders) s
;;
SELECT sum(c) FROM (SELECT customer, count(*) AS c FROM orders GROUP BY customer) s
;;
SELECT max(c), min(c) FROM (SELECT count(*) AS c FROM orders GROUP BY placed) s
;;
SELECT id, count(*) FROM everything
;;
SELECT t, count(*) FROM everything GROUP BY b
;;
SELECT sum(t) FROM everything
;;
SELECT avg(b) FROM everything
;;
SELECT sum(count(*)) FROM everything
;;
SELECT count(*) FROM everything WHERE count(*) > 1
;;
SELECT sum(i4) FROM everything GROUP BY 5
;;
SELECT sum(i8) FROM everything WHERE id IN (3, 7)
;;
SELECT sum(i4::bigint * 4294967296) FROM everything WHERE id IN (3, 12)
;;
SELECT sum(i8 * 2) FROM everything WHERE id IN (3, 7)
;;
SELECT sum(d) FROM everything
;;
SELECT b, count(*) FILTER (WHERE i4 > 0), sum(i8) FILTER (WHERE i8 < 1000), avg(f8) FILTER (WHERE f8 > 0 AND f8 < 1e10), count(DISTINCT ch) FILTER (WHERE ch <> '') FROM everything GROUP BY b ORDER BY b
;;
SELECT id, sum(i4) FILTER (WHERE i4 > 0) OVER (ORDER BY id), count(*) FILTER (WHERE t IS NOT NULL) OVER () FROM everything ORDER BY id
;;
SELECT customer FROM orders GROUP BY customer HAVING count(*) FILTER (WHERE qty > 1) > 0 ORDER BY customer
;;
SELECT abs(i4) FILTER (WHERE i4 > 0) FROM everything
;;
SELECT lag(i4) FILTER (WHERE i4 > 0) OVER (ORDER BY id) FROM everything
;;
SELECT customer, string_agg(id::text, ',' ORDER BY total DESC NULLS LAST, id), sum(qty ORDER BY id) FROM orders GROUP BY customer ORDER BY customer
;;
SELECT string_agg(DISTINCT customer, ';' ORDER BY customer DESC) FROM orders
;;
SELECT b, string_agg(t, '' ORDER BY id DESC) FILTER (WHERE id > 3) FROM everything GROUP BY b ORDER BY b
;;
SELECT string_agg(DISTINCT customer, ';' ORDER BY id) FROM orders

;;
-- min/max keep the later of equal values (PostgreSQL's smaller/larger functions).
SELECT min(v), max(v), min(w), max(w), min(f), max(f) FROM (VALUES (1, 1.0::numeric, '1 day'::interval, 0::float8), (2, 1.00, '24 hours', '-0'), (3, 1.000, '1 day', 0)) s(o, v, w, f)
;;
SELECT grp, min(amount), max(amount), min(k), max(label) FROM big_keys GROUP BY grp ORDER BY grp
;;
SELECT count(*), min(f8), max(f8), min(f4), max(f4) FROM everything
