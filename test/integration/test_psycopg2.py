"""psycopg2 (libpq) against `omendb serve`: types round-trip into Python values, errors carry
their SQLSTATE, and the connection keeps serving after errors."""
import datetime
import decimal
import sys
import uuid

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


def check_transactions(server, failures):
    """psycopg2's default mode: every statement runs in a transaction it opens with BEGIN."""
    from psycopg2 import extensions as ext
    a = psycopg2.connect(server.dsn())
    b = psycopg2.connect(server.dsn())
    b.autocommit = True
    ca, cb = a.cursor(), b.cursor()
    ca.execute("CREATE TABLE acct (id integer PRIMARY KEY, bal bigint NOT NULL)")
    ca.execute("INSERT INTO acct VALUES (1, 100), (2, 100)")
    check("status inside a block", a.info.transaction_status, ext.TRANSACTION_STATUS_INTRANS)
    expect_error(cb, "SELECT * FROM acct", "42P01")  # uncommitted DDL is private
    a.commit()
    check("status after commit", a.info.transaction_status, ext.TRANSACTION_STATUS_IDLE)
    ca.execute("UPDATE acct SET bal = bal - 30 WHERE id = 1")
    cb.execute("SELECT bal FROM acct WHERE id = 1")
    check("no dirty read", cb.fetchall(), [(100,)])
    a.rollback()
    cb.execute("SELECT bal FROM acct WHERE id = 1")
    check("rolled back", cb.fetchall(), [(100,)])
    # An error fails the block until rollback.
    try:
        ca.execute("SELECT 1/0")
        failures.append("1/0 succeeded")
    except psycopg2.Error:
        pass
    check("status after error", a.info.transaction_status, ext.TRANSACTION_STATUS_INERROR)
    expect_error(ca, "SELECT 1", "25P02")
    a.rollback()
    # REPEATABLE READ keeps its snapshot and refuses a lost update with 40001.
    a.set_session(isolation_level="REPEATABLE READ")
    ca.execute("SELECT bal FROM acct WHERE id = 2")
    check("rr first read", ca.fetchall(), [(100,)])
    cb.execute("UPDATE acct SET bal = bal + 5 WHERE id = 2")
    ca.execute("SELECT bal FROM acct WHERE id = 2")
    check("rr repeatable", ca.fetchall(), [(100,)])
    expect_error(ca, "UPDATE acct SET bal = bal + 1 WHERE id = 2", "40001")
    a.rollback()
    ca.execute("SHOW transaction_isolation")
    check("isolation", ca.fetchall(), [("repeatable read",)])
    a.rollback()
    a.set_session(isolation_level="READ COMMITTED")
    with a:
        ca.execute("UPDATE acct SET bal = bal + 1 WHERE id = 2")
    cb.execute("SELECT bal FROM acct ORDER BY id")
    check("committed by the with block", cb.fetchall(), [(100,), (106,)])
    # A row lock: b waits for a's uncommitted update, then applies its own on top (READ
    # COMMITTED re-check), so both increments count.
    import threading
    ca.execute("UPDATE acct SET bal = bal + 10 WHERE id = 1")
    b.autocommit = False
    done = []
    t = threading.Thread(target=lambda: (cb.execute("UPDATE acct SET bal = bal * 2 WHERE id = 1"),
                                         done.append(cb.rowcount), b.commit()))
    t.start()
    t.join(0.3)
    check("b waits for the row lock", done, [])
    a.commit()
    t.join(10)
    check("b updated after a committed", done, [1])
    ca.execute("SELECT bal FROM acct WHERE id = 1")
    check("both updates applied", ca.fetchall(), [(220,)])
    a.rollback()
    a.close()
    b.close()


def check_named_cursor(server):
    """psycopg2's named cursors: DECLARE ... CURSOR WITHOUT HOLD, FETCH FORWARD n, CLOSE."""
    conn = psycopg2.connect(server.dsn())
    plain = conn.cursor()
    plain.execute("SELECT id FROM items WHERE id > %s ORDER BY id", (40,))
    expected = [r[0] for r in plain.fetchall()]
    cur = conn.cursor("named")
    cur.itersize = 16
    cur.execute("SELECT id, name FROM items WHERE id > %s ORDER BY id", (40,))
    got = [r[0] for r in cur.fetchmany(5)] + [r[0] for r in cur]
    check("named cursor rows", got, expected)
    check("named cursor read something", len(got) > 20, True)
    cur.close()
    conn.commit()
    conn.close()


def check_cancel(server):
    """CancelRequest (psycopg2's connection.cancel()): a statement waiting for a row lock, and
    one reading a large table, stop with 57014; the session goes on."""
    import threading
    import time
    from psycopg2 import errors
    holder = psycopg2.connect(server.dsn())
    victim = psycopg2.connect(server.dsn())
    victim.autocommit = True
    holder.cursor().execute("CREATE TABLE lockme (id integer PRIMARY KEY, n integer)")
    holder.commit()
    holder.cursor().execute("INSERT INTO lockme VALUES (1, 0)")
    holder.commit()
    holder.cursor().execute("UPDATE lockme SET n = 1 WHERE id = 1")  # holds the row
    outcome = []

    def blocked():
        try:
            victim.cursor().execute("UPDATE lockme SET n = 2 WHERE id = 1")
            outcome.append("finished")
        except errors.QueryCanceled:
            outcome.append("cancelled")
        except psycopg2.Error as e:
            outcome.append("error " + str(e.pgcode))
    t = threading.Thread(target=blocked)
    t.start()
    time.sleep(0.3)
    check("waiting for the lock", outcome, [])
    victim.cancel()
    t.join(10)
    check("lock wait cancelled", outcome, ["cancelled"])
    holder.rollback()
    # A long scan (a cross join of 3,000 x 3,000 rows, counted).
    cur = victim.cursor()
    cur.execute("CREATE TABLE wide (x integer)")
    cur.execute("INSERT INTO wide SELECT a.id * 0 FROM lockme a")
    for _ in range(11):  # 2^11 rows... doubled from one row
        cur.execute("INSERT INTO wide SELECT x FROM wide")
    outcome.clear()

    def slow():
        try:
            victim.cursor().execute("SELECT count(*) FROM wide a, wide b, wide c")
            outcome.append("finished")
        except errors.QueryCanceled:
            outcome.append("cancelled")
    t = threading.Thread(target=slow)
    start = time.time()
    t.start()
    time.sleep(0.5)
    victim.cancel()
    t.join(60)
    check("scan cancelled", outcome, ["cancelled"])
    check("cancelled promptly", time.time() - start < 20, True)
    cur.execute("SELECT n FROM lockme")
    check("session goes on after cancel", cur.fetchall(), [(0,)])
    holder.close()
    victim.close()


def check_types(server):
    """psycopg2 quotes parameters into the SQL text and parses every type's text output."""
    conn = psycopg2.connect(server.dsn(), connect_timeout=10)
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("SET TIME ZONE 'America/New_York'")
    cur.execute("CREATE TABLE typed (id integer PRIMARY KEY, n numeric, d date, ts timestamp, "
                "tz timestamptz, iv interval, u uuid, b bytea, c char(4))")
    tz = datetime.timezone(datetime.timedelta(hours=-5))
    row = (1, decimal.Decimal("-0.000123"), datetime.date(2000, 2, 29),
           datetime.datetime(2024, 12, 31, 23, 59, 59, 999999),
           datetime.datetime(2024, 1, 15, 8, 0, tzinfo=tz), datetime.timedelta(days=-2, seconds=1),
           str(uuid.UUID(int=5)), psycopg2.Binary(b"\x00ab"), "ab")
    cur.execute("INSERT INTO typed VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)", row)
    cur.execute("SELECT id, n, d, ts, tz, iv, u, b, c FROM typed")
    got = cur.fetchone()
    check("psycopg2 typed values", got[:6] + (got[6], bytes(got[7]), got[8]),
          row[:6] + (row[6], b"\x00ab", "ab  "))
    cur.execute("SELECT sum(n), avg(id), max(tz) - min(tz) FROM typed")
    check("psycopg2 typed aggregates", cur.fetchone(),
          (decimal.Decimal("-0.000123"), decimal.Decimal("1.00000000000000000000"),
           datetime.timedelta(0)))
    conn.close()


def check_parameter_status(server):
    """SET of a reported parameter sends ParameterStatus (libpq keeps the latest value)."""
    conn = psycopg2.connect(server.dsn())
    conn.autocommit = True
    cur = conn.cursor()
    check("TimeZone at start-up", conn.get_parameter_status("TimeZone"), "UTC")
    cur.execute("SET TIME ZONE 'Europe/Berlin'")
    check("TimeZone after SET", conn.get_parameter_status("TimeZone"), "Europe/Berlin")
    cur.execute("SET application_name = 'reporter'")
    check("application_name after SET", conn.get_parameter_status("application_name"), "reporter")
    cur.execute("RESET TimeZone")
    check("TimeZone after RESET", conn.get_parameter_status("TimeZone"), "UTC")
    # Ending a transaction restores what it set locally or rolls back, and reports it.
    cur.execute("BEGIN")
    cur.execute("SET LOCAL TIME ZONE 'Asia/Tokyo'")
    check("TimeZone after SET LOCAL", conn.get_parameter_status("TimeZone"), "Asia/Tokyo")
    cur.execute("COMMIT")
    check("TimeZone after COMMIT", conn.get_parameter_status("TimeZone"), "UTC")
    # set_config() reports too: a session value stays, a local one ends with the statement's
    # own transaction outside a block.
    cur.execute("SELECT set_config('TimeZone', 'America/New_York', false)")
    check("TimeZone after set_config", conn.get_parameter_status("TimeZone"), "America/New_York")
    cur.execute("SELECT set_config('application_name', 'local one', true)")
    check("application_name after a local set_config", conn.get_parameter_status("application_name"),
          "reporter")
    cur.execute("RESET TimeZone")
    cur.execute("BEGIN")
    cur.execute("SET TIME ZONE 'Asia/Tokyo'")
    cur.execute("ROLLBACK")
    check("TimeZone after ROLLBACK", conn.get_parameter_status("TimeZone"), "UTC")
    cur.execute("SELECT 1")
    check("session goes on", cur.fetchall(), [(1,)])
    conn.close()


def main():
    with OmenServer(binary_from_argv()) as server:
        check_types(server)
        conn = psycopg2.connect(server.dsn(), connect_timeout=10)
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
        expect_error(cur, "UPDATE items SET qty = 1 FROM items", "42712")
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
        check_transactions(server, failures)
        check_named_cursor(server)
        check_cancel(server)
        check_parameter_status(server)
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
