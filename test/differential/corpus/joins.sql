-- Inner, left, right, full, cross joins; ON with equality and non-equality conditions; USING
-- and NATURAL; joins on keys of every type, with NULL keys (which never match), self joins,
-- joins with subqueries and aggregates.
SELECT o.id, o.customer, n.name, n.qty FROM orders o JOIN names n ON o.customer = n.name ORDER BY o.id
;;
SELECT o.id, n.name FROM orders o LEFT JOIN names n ON o.customer = n.name ORDER BY o.id
;;
SELECT o.id, n.name FROM orders o RIGHT JOIN names n ON o.customer = n.name ORDER BY n.name, o.id
;;
SELECT o.id, n.name FROM orders o FULL JOIN names n ON o.customer = n.name ORDER BY n.name NULLS FIRST, o.id NULLS FIRST
;;
SELECT o.id, e.id, e.t FROM orders o JOIN everything e ON o.item_id = e.id ORDER BY o.id
;;
SELECT o.id, e.id FROM orders o LEFT JOIN everything e ON o.item_id = e.id ORDER BY o.id
;;
SELECT o.id, e.id FROM orders o RIGHT JOIN everything e ON o.item_id = e.id ORDER BY e.id, o.id
;;
SELECT o.id, e.id FROM orders o FULL OUTER JOIN everything e ON o.item_id = e.id ORDER BY e.id NULLS LAST, o.id NULLS LAST
;;
SELECT count(*) FROM orders CROSS JOIN names
;;
SELECT o.id, p.a, p.b FROM orders o CROSS JOIN pairs p WHERE p.a = 10 ORDER BY o.id
;;
SELECT o.id, p.a, p.b FROM orders o, pairs p WHERE o.qty = p.c ORDER BY o.id, p.a, p.b
;;
SELECT o.id, p.a, p.b FROM orders o JOIN pairs p ON o.qty = p.c AND o.placed = p.d ORDER BY o.id, p.a, p.b
;;
SELECT o.id, p.a, p.b FROM orders o JOIN pairs p ON o.qty > p.c AND p.a = 1 ORDER BY o.id, p.b
;;
SELECT o.id, p.a, p.b FROM orders o LEFT JOIN pairs p ON o.qty < p.c AND p.a > 2 ORDER BY o.id, p.a, p.b
;;
SELECT o.id, p.b FROM orders o FULL JOIN pairs p ON o.qty = p.c AND p.b = 'x' ORDER BY o.id NULLS FIRST, p.a, p.b
;;
SELECT e.id, d.day FROM everything e JOIN days d ON e.d = d.day ORDER BY e.id
;;
SELECT e.id, d.day, d.note FROM everything e LEFT JOIN days d ON e.d = d.day ORDER BY e.id
;;
SELECT e.id, m.at FROM everything e JOIN moments m ON e.ts = m.at ORDER BY e.id
;;
SELECT e.id, m.at FROM everything e JOIN moments m ON e.tm = m.t ORDER BY e.id, m.at
;;
SELECT e.id, m.at FROM everything e JOIN moments m ON e.tz = m.atz ORDER BY e.id, m.at
;;
SELECT e.id, m.at FROM everything e JOIN moments m ON e.iv = m.dur ORDER BY e.id, m.at
;;
SELECT e.id, t.n FROM everything e JOIN tokens t ON e.u = t.id ORDER BY e.id
;;
SELECT e.id, t.n FROM everything e JOIN tokens t ON e.by = t.payload ORDER BY e.id, t.n
;;
SELECT e.id, ms.label FROM everything e JOIN measures ms ON e.n = ms.m ORDER BY e.id
;;
SELECT e.id, ms.label FROM everything e JOIN measures ms ON e.f8 = ms.f ORDER BY e.id, ms.label
;;
SELECT e.id, ms.m FROM everything e JOIN measures ms ON e.n52 = ms.m ORDER BY e.id, ms.m
;;
SELECT e.id, b.k FROM everything e JOIN big_keys b ON e.i8 = b.k ORDER BY e.id
;;
SELECT e.id, b.k FROM everything e JOIN big_keys b ON e.i4 = b.k ORDER BY e.id
;;
SELECT e.id, b.k FROM everything e JOIN big_keys b ON e.i2 = b.grp ORDER BY e.id, b.k
;;
SELECT e.id, n.name FROM everything e JOIN names n ON e.ch = n.code ORDER BY e.id, n.name
;;
SELECT e.id, n.name FROM everything e JOIN names n ON e.vc = n.name ORDER BY e.id, n.name
;;
SELECT e.id, n.name FROM everything e JOIN names n ON e.t = n.name ORDER BY e.id
;;
SELECT e.id, n.name FROM everything e JOIN names n ON lower(e.t) = lower(n.name) ORDER BY e.id, n.name
;;
SELECT e.id, p.a, p.b FROM everything e JOIN pairs p ON e.i2 = p.a AND e.ch = p.b ORDER BY e.id, p.a
;;
SELECT e.id, p.d FROM everything e JOIN pairs p ON e.d = p.d ORDER BY e.id, p.a, p.b
;;
SELECT e.id, p.d FROM everything e JOIN pairs p ON e.ts = p.d ORDER BY e.id, p.a, p.b
;;
SELECT a.id, b.id FROM everything a JOIN everything b ON a.i2 = -b.i2 ORDER BY a.id, b.id
;;
SELECT a.id, b.id FROM everything a JOIN everything b ON a.id + 1 = b.id AND a.b = b.b ORDER BY a.id
;;
SELECT a.id, b.id FROM everything a LEFT JOIN everything b ON a.vc = upper(b.t) AND b.id NOT IN (4, 15) ORDER BY a.id, b.id
;;
SELECT a.id, b.id FROM everything a JOIN everything b ON a.f8 = b.f8 ORDER BY a.id, b.id
;;
SELECT a.id, b.id FROM everything a JOIN everything b ON a.n = b.n AND a.id < b.id ORDER BY a.id, b.id
;;
SELECT a.id, b.id FROM everything a JOIN everything b ON a.by = b.by AND a.id < b.id ORDER BY a.id, b.id
;;
SELECT a.id, b.id FROM everything a JOIN everything b ON a.ch = b.ch AND a.id < b.id ORDER BY a.id, b.id
;;
SELECT a.id, b.id FROM everything a JOIN everything b ON a.iv = b.iv AND a.id <> b.id ORDER BY a.id, b.id
;;
SELECT a.id, b.id FROM everything a JOIN everything b ON a.f4 = b.f8 ORDER BY a.id, b.id
;;
SELECT a.id, b.id FROM everything a JOIN everything b ON a.i4 = b.i8 ORDER BY a.id, b.id
;;
SELECT a.id, b.id FROM everything a JOIN everything b ON a.d = b.ts::date AND a.id <> b.id ORDER BY a.id, b.id
;;
SELECT a.a, a.b, b.b FROM pairs a JOIN pairs b USING (a) WHERE a.b < b.b ORDER BY a.a, a.b, b.b
;;
SELECT * FROM pairs a JOIN pairs b USING (a, b) ORDER BY a, b
;;
SELECT a, b, x.c, y.c FROM pairs x LEFT JOIN pairs y USING (a, b) ORDER BY a, b
;;
SELECT * FROM pairs NATURAL JOIN (SELECT a, b, c FROM pairs WHERE c > 2) s ORDER BY a, b
;;
SELECT id, customer, name FROM orders JOIN (SELECT name AS customer, qty FROM names) n USING (customer) ORDER BY id
;;
SELECT customer, o.id, n.qty FROM orders o LEFT JOIN (SELECT name AS customer, qty FROM names) n USING (customer) ORDER BY o.id
;;
SELECT customer, o.id FROM orders o RIGHT JOIN (SELECT name AS customer FROM names WHERE qty > 5) n USING (customer) ORDER BY customer, o.id
;;
SELECT customer, o.id FROM orders o FULL JOIN (SELECT name AS customer FROM names WHERE qty > 5) n USING (customer) ORDER BY customer, o.id
;;
SELECT o.id, e.t, n.qty FROM orders o JOIN everything e ON o.item_id = e.id JOIN names n ON n.name = o.customer ORDER BY o.id
;;
SELECT o.id, e.t, n.qty FROM orders o LEFT JOIN everything e ON o.item_id = e.id LEFT JOIN names n ON n.name = o.customer ORDER BY o.id
;;
SELECT o.id, e.id, n.name FROM orders o JOIN everything e ON o.item_id = e.id RIGHT JOIN names n ON n.name = o.customer ORDER BY n.name, o.id
;;
SELECT n.name, count(o.id), sum(o.qty), sum(o.total) FROM names n LEFT JOIN orders o ON o.customer = n.name GROUP BY n.name ORDER BY n.name
;;
SELECT e.b, count(*), sum(o.qty) FROM orders o JOIN everything e ON e.id = o.item_id GROUP BY e.b ORDER BY e.b
;;
SELECT e.id, count(o.id) FROM everything e LEFT JOIN orders o ON o.item_id = e.id GROUP BY e.id HAVING count(o.id) > 0 ORDER BY e.id
;;
SELECT o.id, x.mx FROM orders o JOIN (SELECT customer, max(total) AS mx FROM orders GROUP BY customer) x ON x.customer = o.customer AND x.mx = o.total ORDER BY o.id
;;
SELECT o.id FROM orders o WHERE o.item_id IN (SELECT id FROM everything WHERE b) ORDER BY o.id
;;
SELECT o.id, e.id FROM orders o LEFT JOIN everything e ON o.item_id = e.id WHERE e.id IS NULL ORDER BY o.id
;;
SELECT o.id, e.id FROM orders o LEFT JOIN everything e ON o.item_id = e.id AND e.b ORDER BY o.id
;;
SELECT o.id, e.id FROM orders o LEFT JOIN everything e ON o.item_id = e.id WHERE e.b ORDER BY o.id
;;
SELECT o.id, e.id FROM orders o LEFT JOIN everything e ON o.item_id = e.id WHERE e.b IS NOT TRUE ORDER BY o.id
;;
SELECT o.id, e.id FROM orders o FULL JOIN everything e ON o.item_id = e.id WHERE o.id IS NULL OR e.id IS NULL ORDER BY o.id NULLS FIRST, e.id
;;
SELECT o.id, e.id FROM orders o RIGHT JOIN everything e ON o.item_id = e.id AND o.qty > 1 WHERE e.id < 5 ORDER BY e.id, o.id
;;
SELECT o.id, n.name FROM orders o JOIN names n ON true WHERE n.qty = 200 ORDER BY o.id
;;
SELECT o.id, n.name FROM orders o JOIN names n ON false ORDER BY o.id
;;
SELECT o.id, n.name FROM orders o LEFT JOIN names n ON false ORDER BY o.id
;;
SELECT o.id, n.name FROM orders o FULL JOIN names n ON o.customer = n.name AND o.qty > 100 WHERE n.qty > 100 OR o.id = 100 ORDER BY o.id, n.name
;;
SELECT o.id, d.day FROM orders o JOIN days d ON o.placed BETWEEN d.day AND d.day + 1 ORDER BY o.id, d.day
;;
SELECT o.id, d.day FROM orders o JOIN days d ON o.placed = d.day + 1 ORDER BY o.id
;;
SELECT o.id, m.at FROM orders o JOIN moments m ON o.placed = m.at::date ORDER BY o.id, m.at
;;
SELECT x.id, y.id FROM (SELECT id, i4 FROM everything WHERE id < 5) x JOIN (SELECT id, i4 FROM everything WHERE id > 3) y ON x.id = y.id ORDER BY x.id
;;
SELECT id FROM orders JOIN names ON name = customer ORDER BY id
;;
SELECT id FROM orders JOIN everything ON item_id = id
;;
SELECT * FROM orders JOIN nosuch ON true
;;
SELECT o.id FROM orders o JOIN names n ON o.nosuch = n.name
;;
SELECT * FROM pairs LEFT JOIN pairs p2 USING (a) WHERE pairs.b <> p2.b ORDER BY 1, 2, 5
;;
SELECT * FROM orders o1 FULL JOIN (SELECT item_id, count(*) AS n FROM orders GROUP BY item_id) g USING (item_id) ORDER BY item_id, id
;;
SELECT item_id, o.id, e.id FROM orders o FULL JOIN (SELECT i2 AS item_id, id FROM everything) e USING (item_id) ORDER BY 1, 2, 3
;;
SELECT id, customer FROM orders o WHERE EXISTS (SELECT 1 FROM everything e WHERE e.i2 = o.item_id) ORDER BY id
;;
SELECT id, customer FROM orders o WHERE NOT EXISTS (SELECT 1 FROM everything e WHERE e.i2 = o.item_id AND e.id > o.qty) ORDER BY id
;;
SELECT id FROM orders o WHERE o.qty IN (SELECT e.i2 FROM everything e WHERE e.id = o.id) ORDER BY id
;;
SELECT k FROM big_keys b WHERE grp IN (SELECT qty FROM names WHERE names.price > b.amount / 100) ORDER BY k
