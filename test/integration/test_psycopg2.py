"""psycopg2 (libpq) against `omendb serve`: types round-trip into Python values, errors carry
their SQLSTATE, and the connection keeps serving after errors."""
import sys

import psycopg2

from harness import OmenServer, binary_from_argv, report

failures = []


def check(name, actual, expected):
    if actual != expected:
        failures.append("%s: expected %r, got %r" % (name, expected, actual))


def expect_error(cur, sql, sqlstate, params=None):
    try:
        cur.execute(sql, params)
    except psycopg2.Error as e:
        check("sqlstate of " + sql, e.pgcode, sqlstate)
        return e
    failures.append("%s: expected error %s, succeeded" % (sql, sqlstate))
    return None


def main():
    with OmenServer(binary_from_argv()) as server:
        conn = psycopg2.connect(server.dsn(), connect_timeout=10)
        # Explicit transaction blocks are not implemented yet: psycopg2's implicit BEGIN must
        # fail clearly with 0A000, not silently run without a transaction.
        cur = conn.cursor()
        expect_error(cur, "SELECT 1", "0A000")
        conn.rollback()
        conn.autocommit = True
        cur = conn.cursor()
        cur.execute("CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, "
                    "price double precision, in_stock boolean, qty integer)")
        rows = [(i, "item %d" % i, i * 1.25, i % 2 == 0, None if i % 3 == 0 else i * 10)
                for i in range(1, 101)]
        args = ",".join(cur.mogrify("(%s,%s,%s,%s,%s)", r).decode() for r in rows)
        cur.execute("INSERT INTO items VALUES " + args)
        check("rowcount", cur.rowcount, 100)
        cur.execute("SELECT id, name, price, in_stock, qty FROM items WHERE id >= %s AND id <= %s",
                    (10, 12))
        got = cur.fetchall()
        check("typed rows", got, [(10, "item 10", 12.5, True, 100), (11, "item 11", 13.75, False, 110),
                                  (12, "item 12", 15.0, True, None)])
        check("column names", [d.name for d in cur.description], ["id", "name", "price", "in_stock", "qty"])
        check("type oids", [d.type_code for d in cur.description], [20, 25, 701, 16, 23])
        cur.execute("SELECT id FROM items WHERE qty IS NULL ORDER BY id DESC LIMIT 3")
        check("null filter", cur.fetchall(), [(99,), (96,), (93,)])
        cur.execute("SELECT name FROM items WHERE name = %s", ("it's",))
        check("quoted parameter", cur.fetchall(), [])
        cur.execute("INSERT INTO items VALUES (%s, %s, NULL, NULL, NULL)", (1000, "it's"))
        cur.execute("SELECT name FROM items WHERE name = %s", ("it's",))
        check("quoted parameter round trip", cur.fetchall(), [("it's",)])
        e = expect_error(cur, "INSERT INTO items VALUES (1, 'dup', 0, true, 0)", "23505")
        if e is not None:
            check("detail", e.diag.message_detail, "Key (id)=(1) already exists.")
        expect_error(cur, "INSERT INTO items (id) VALUES (5000)", "23502")
        expect_error(cur, "SELECT * FROM nothing", "42P01")
        expect_error(cur, "SELECT nothing FROM items", "42703")
        expect_error(cur, "SELECT 1/0", "22012")
        expect_error(cur, "SELECT 2147483647 + 1", "22003")
        expect_error(cur, "UPDATE items SET qty = 1 FROM items AS i2", "0A000")
        cur.execute("UPDATE items SET qty = qty + 1 WHERE id <= %s", (3,))
        check("update rowcount", cur.rowcount, 3)
        cur.execute("DELETE FROM items WHERE id >= %s AND id < %s", (97, 100))
        check("delete rowcount", cur.rowcount, 3)
        cur.execute("SELECT id, qty FROM items WHERE id <= 3 OR id BETWEEN 96 AND 99 ORDER BY id")
        check("after update and delete", cur.fetchall(), [(1, 11), (2, 21), (3, None), (96, None)])
        expect_error(cur, "SELECT FROM WHERE", "42601")
        # Still serving after every error, and nothing of the failed statements is visible.
        cur.execute("SELECT id FROM items WHERE id >= 1000 OR id = 5000")
        check("after errors", cur.fetchall(), [(1000,)])
        # A multi-statement string is one implicit transaction: an error undoes all of it.
        expect_error(cur, "INSERT INTO items VALUES (2000, 'a', 0, true, 0); SELECT 1/0", "22012")
        cur.execute("SELECT id FROM items WHERE id = 2000")
        check("implicit transaction rolled back", cur.fetchall(), [])
        # A second connection sees committed data.
        other = psycopg2.connect(server.dsn())
        other.autocommit = True
        oc = other.cursor()
        oc.execute("SELECT id, price FROM items WHERE id = 100")
        check("second connection", oc.fetchall(), [(100, 125.0)])
        other.close()
        conn.close()
        # Startup checks: unknown role and database are refused as PostgreSQL refuses them.
        for dsn, code in [("host=127.0.0.1 port=%d user=nobody dbname=postgres", "role \"nobody\" does not exist"),
                          ("host=127.0.0.1 port=%d user=postgres dbname=other", "database \"other\" does not exist")]:
            try:
                psycopg2.connect(dsn % server.port).close()
                failures.append("connect should fail: " + dsn)
            except psycopg2.OperationalError as e:
                if code not in str(e):
                    failures.append("connect error for %s: %s" % (dsn, e))
    return report(failures)


if __name__ == "__main__":
    sys.exit(main())
