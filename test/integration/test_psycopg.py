"""psycopg 3 against `omendb serve`. psycopg 3 sends every query with parameters through the
extended protocol (Parse/Bind/Execute/Sync, server-side binding), so this checks the path
that modern drivers take: parameters in text and binary format, prepared statements, pipeline
mode, server-side errors by SQLSTATE, transactions, and the connection serving on after errors."""
import datetime
import decimal
import sys
import uuid

import psycopg
from psycopg import errors

from harness import OmenServer, binary_from_argv, report

failures = []


def check(name, actual, expected):
    if actual != expected:
        failures.append("%s: expected %r, got %r" % (name, expected, actual))


def expect_error(cur, sql, params, sqlstate):
    try:
        cur.execute(sql, params)
    except psycopg.Error as e:
        check("sqlstate of %s %r" % (sql, params), e.sqlstate, sqlstate)
        return
    failures.append("%s %r: expected error %s, succeeded" % (sql, params, sqlstate))


def check_upsert_concurrency(server):
    """INSERT ... ON CONFLICT against concurrent writers of the same key: it waits for them,
    then updates the row they committed or inserts when they rolled back; concurrent upserts
    of one counter lose no increment; REPEATABLE READ refuses to act on a row its snapshot
    does not see."""
    import threading
    setup = psycopg.connect(server.dsn(), autocommit=True)
    setup.execute("CREATE TABLE counter (k integer PRIMARY KEY, n bigint NOT NULL)")
    upsert = ("INSERT INTO counter VALUES (%s, 1) ON CONFLICT (k) DO UPDATE "
              "SET n = counter.n + excluded.n RETURNING n")
    a = psycopg.connect(server.dsn())
    b = psycopg.connect(server.dsn(), autocommit=True)
    for commit, expected in ((True, 2), (False, 1)):
        key = 100 if commit else 101
        a.execute("INSERT INTO counter VALUES (%s, 1)", (key,))
        result = []
        t = threading.Thread(target=lambda: result.append(b.execute(upsert, (key,)).fetchone()))
        t.start()
        t.join(0.3)
        check("upsert waits for the uncommitted insert (%s)" % commit, t.is_alive(), True)
        a.commit() if commit else a.rollback()
        t.join(10)
        check("upsert after the other %s" % ("commits" if commit else "rolls back"), result,
              [(expected,)])
    # Concurrent increments of one key.
    def worker():
        c = psycopg.connect(server.dsn(), autocommit=True)
        for _ in range(50):
            c.execute(upsert, (7,))
        c.close()
    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    check("no lost increment", setup.execute("SELECT n FROM counter WHERE k = 7").fetchone(), (200,))
    # REPEATABLE READ: the conflicting row was committed after the snapshot.
    rr = psycopg.connect(server.dsn())
    rr.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
    rr.execute("SELECT count(*) FROM counter")
    setup.execute("INSERT INTO counter VALUES (102, 1)")
    try:
        rr.execute("INSERT INTO counter VALUES (102, 5) ON CONFLICT DO NOTHING")
        failures.append("REPEATABLE READ upsert on an unseen row succeeded")
    except errors.SerializationFailure:
        pass
    rr.rollback()
    for c in (a, b, rr, setup):
        c.close()


def check_types(conn):
    """psycopg 3 sends typed parameters (numeric, date, timestamptz, interval, uuid, bytea...) with
    their OIDs, in text and in binary, and reads every type back."""
    conn.execute("SET TIME ZONE 'Europe/Berlin'")
    conn.execute("CREATE TABLE typed (k uuid PRIMARY KEY, s smallint, r real, n numeric(10,2), "
                 "vc varchar(4), c char(2), b bytea, d date, t time, ts timestamp, tz timestamptz, "
                 "iv interval)")
    berlin = datetime.timezone(datetime.timedelta(hours=1))
    row = (uuid.UUID("00000000-0000-0000-0000-00000000002a"), 7, 0.25, decimal.Decimal("12.34"),
           "abcd", "z ", b"\x01\x02", datetime.date(1999, 1, 8), datetime.time(23, 59, 59),
           datetime.datetime(2024, 1, 2, 3, 4, 5, 600000),
           datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=berlin),
           datetime.timedelta(days=3, seconds=3600))
    for binary in (False, True):
        cur = conn.cursor(binary=binary)
        marks = ", ".join(["%b" if binary else "%s"] * len(row))
        cur.execute("DELETE FROM typed")
        cur.execute("INSERT INTO typed VALUES (%s)" % marks, row)
        got = cur.execute("SELECT * FROM typed").fetchone()
        check("typed round trip (binary=%s)" % binary, got, row)
        check("typed lookup (binary=%s)" % binary, cur.execute(
            "SELECT n * 2, d + 1, tz + iv FROM typed WHERE k = %s" % ("%b" if binary else "%s"),
            (row[0],)).fetchone(),
            (decimal.Decimal("24.68"), datetime.date(1999, 1, 9),
             datetime.datetime(2024, 1, 5, 4, 4, 5, tzinfo=berlin)))
    expect_error(conn.cursor(), "INSERT INTO typed (k, n) VALUES (%s, %s)",
                 (uuid.uuid4(), decimal.Decimal("123456789")), "22003")
    conn.execute("SET TIME ZONE 'UTC'")


def main():
    with OmenServer(binary_from_argv()) as server:
        conn = psycopg.connect(server.dsn(), autocommit=True)
        cur = conn.cursor()
        cur.execute("CREATE TABLE t (id bigint PRIMARY KEY, name text, v double precision, "
                    "ok boolean, n integer)")
        # Parameters of every type, NULLs among them; executemany reuses one statement.
        rows = [(i, "name %d" % i if i % 7 else None, i / 4, i % 2 == 0, -i) for i in range(1, 201)]
        cur.executemany("INSERT INTO t VALUES (%s, %s, %s, %s, %s)", rows)
        check("inserted", cur.execute("SELECT count(*) FROM t").fetchone(), (200,))
        check("point lookup", cur.execute("SELECT * FROM t WHERE id = %s", (14,)).fetchone(),
              (14, None, 3.5, True, -14))
        check("range", cur.execute("SELECT id FROM t WHERE id BETWEEN %s AND %s ORDER BY id DESC",
                                   (5, 8)).fetchall(), [(8,), (7,), (6,), (5,)])
        check("text parameter", cur.execute("SELECT id FROM t WHERE name = %s", ("name 9",)).fetchall(),
              [(9,)])
        check("boolean and double", cur.execute(
            "SELECT count(*) FROM t WHERE ok = %s AND v > %s", (True, 25.0)).fetchone(), (50,))
        check("NULL parameter", cur.execute("SELECT %s::text IS NULL", (None,)).fetchone(), (True,))
        check("IN list", cur.execute("SELECT count(*) FROM t WHERE id IN (%s, %s, %s)",
                                     (1, 2, 1000)).fetchone(), (2,))
        check("LIMIT parameter", cur.execute("SELECT id FROM t ORDER BY id LIMIT %s", (3,)).fetchall(),
              [(1,), (2,), (3,)])
        check("parameter in select list", cur.execute("SELECT %s || 'x', %s + 1", ("a", 41)).fetchone(),
              ("ax", 42))
        check("special characters", cur.execute("SELECT %s", ("it's \\ \"q\" é",)).fetchone(),
              ("it's \\ \"q\" é",))
        # Binary parameters and results.
        cur2 = conn.cursor(binary=True)
        check("binary results", cur2.execute("SELECT id, name, v, ok, n FROM t WHERE id = %b",
                                             (21,)).fetchone(), (21, None, 5.25, False, -21))
        check("binary extremes", cur2.execute("SELECT %b::bigint, %b::integer, %b::double precision",
                                              (-2**63, 2**31 - 1, -0.1)).fetchone(),
              (-2**63, 2**31 - 1, -0.1))
        # Prepared statements (named, reused).
        for i in (3, 4, 5, 6, 7, 8):
            got = cur.execute("SELECT n FROM t WHERE id = %s", (i,), prepare=True).fetchone()
            check("prepared run %d" % i, got, (-i,))
        # DML row counts.
        cur.execute("UPDATE t SET name = %s WHERE id <= %s", ("low", 10))
        check("UPDATE rowcount", cur.rowcount, 10)
        cur.execute("DELETE FROM t WHERE id > %s", (190,))
        check("DELETE rowcount", cur.rowcount, 10)
        # RETURNING and ON CONFLICT through the extended protocol (Describe tells the columns).
        check("INSERT RETURNING", cur.execute(
            "INSERT INTO t VALUES (%s, %s, 0, true, 0) RETURNING id, name", (700, "r")).fetchall(),
            [(700, "r")])
        check("upsert RETURNING", cur.execute(
            "INSERT INTO t VALUES (%s, %s, 0, true, 0) ON CONFLICT (id) DO UPDATE "
            "SET name = t.name || excluded.name RETURNING name", (700, "s")).fetchall(), [("rs",)])
        check("DELETE RETURNING", cur.execute("DELETE FROM t WHERE id = %s RETURNING n", (700,)).fetchall(),
              [(0,)])
        # Errors carry their SQLSTATE and the connection goes on.
        expect_error(cur, "SELECT * FROM t WHERE id = %s", ("abc",), "22P02")
        expect_error(cur, "INSERT INTO t VALUES (%s, 'dup', 0, true, 0)", (1,), "23505")
        expect_error(cur, "SELECT * FROM nosuch WHERE id = %s", (1,), "42P01")
        expect_error(cur, "SELECT %s / 0", (1,), "22012")
        expect_error(cur, "SELECT %s::integer", (2**40,), "22003")
        check("serving after errors", cur.execute("SELECT count(*) FROM t").fetchone(), (190,))
        # Transactions: the default (non-autocommit) mode and an error inside a block.
        tx = psycopg.connect(server.dsn())
        other = psycopg.connect(server.dsn(), autocommit=True)
        tc = tx.cursor()
        tc.execute("INSERT INTO t VALUES (%s, 'tx', 0, true, 0)", (500,))
        check("uncommitted invisible", other.execute("SELECT count(*) FROM t WHERE id = 500").fetchone(), (0,))
        tx.commit()
        check("committed visible", other.execute("SELECT count(*) FROM t WHERE id = 500").fetchone(), (1,))
        tc.execute("INSERT INTO t VALUES (%s, 'tx', 0, true, 0)", (501,))
        try:
            tc.execute("INSERT INTO t VALUES (%s, 'tx', 0, true, 0)", (500,))
        except errors.UniqueViolation:
            pass
        try:
            tc.execute("SELECT 1 WHERE 1 = %s", (1,))
            failures.append("statement in a failed transaction succeeded")
        except errors.InFailedSqlTransaction:
            pass
        tx.rollback()
        check("rolled back", other.execute("SELECT count(*) FROM t WHERE id = 501").fetchone(), (0,))
        with tx.transaction():
            tc.execute("UPDATE t SET n = %s WHERE id = %s", (999, 500))
        check("transaction block committed",
              other.execute("SELECT n FROM t WHERE id = %s", (500,)).fetchone(), (999,))
        # Server-side cursors (DECLARE ... FETCH, with parameters).
        with tx.cursor(name="big") as sc:
            sc.itersize = 7
            sc.execute("SELECT id FROM t WHERE id <= %s ORDER BY id", (30,))
            first = sc.fetchmany(3)
            rest = [r[0] for r in sc]
        check("server cursor", ([r[0] for r in first], rest), ([1, 2, 3], list(range(4, 31))))
        tx.rollback()
        # Pipeline mode: many Parse/Bind/Execute before one Sync.
        with conn.pipeline():
            for i in range(600, 650):
                conn.execute("INSERT INTO t VALUES (%s, %s, %s, %s, %s)", (i, "p", 1.0, True, i))
            last = conn.execute("SELECT count(*) FROM t WHERE id >= %s", (600,))
        check("pipeline", last.fetchone(), (50,))
        tx.close()
        other.close()
        conn.close()
        check_upsert_concurrency(server)
        typed = psycopg.connect(server.dsn(), autocommit=True)
        check_types(typed)
        typed.close()
    return report(failures)


if __name__ == "__main__":
    sys.exit(main())
