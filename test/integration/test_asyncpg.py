"""asyncpg against `omendb serve`: asyncpg speaks only the extended protocol and asks for
binary results, so this checks binary encoding of every type, prepared statements, cursors
(portals read in parts with Execute row limits), transactions and errors by SQLSTATE."""
import asyncio
import datetime
import decimal
import sys
import uuid

import asyncpg

from harness import OmenServer, binary_from_argv, report

failures = []


def check(name, actual, expected):
    if actual != expected:
        failures.append("%s: expected %r, got %r" % (name, expected, actual))


async def expect_error(conn, sql, args, sqlstate):
    try:
        await conn.fetch(sql, *args)
    except asyncpg.PostgresError as e:
        check("sqlstate of %s %r" % (sql, args), e.sqlstate, sqlstate)
        return
    failures.append("%s %r: expected error %s, succeeded" % (sql, args, sqlstate))


async def run(port):
    conn = await asyncpg.connect(host="127.0.0.1", port=port, user="postgres", database="postgres")
    await conn.execute("CREATE TABLE t (id bigint PRIMARY KEY, name text, v double precision, "
                       "ok boolean, n integer)")
    rows = [(i, None if i % 5 == 0 else "n%d" % i, i * 0.5, i % 3 == 0, 1000 - i) for i in range(1, 101)]
    await conn.executemany("INSERT INTO t VALUES ($1, $2, $3, $4, $5)", rows)
    check("count", await conn.fetchval("SELECT count(*) FROM t"), 100)
    r = await conn.fetchrow("SELECT * FROM t WHERE id = $1", 15)
    check("binary row", tuple(r), (15, None, 7.5, True, 985))
    check("range", [x["id"] for x in await conn.fetch(
        "SELECT id FROM t WHERE id > $1 AND id <= $2 ORDER BY id DESC", 96, 99)], [99, 98, 97])
    check("extremes", tuple(await conn.fetchrow(
        "SELECT $1::bigint, $2::integer, $3::double precision, $4::boolean, $5::text",
        -2**63, -2**31, float("inf"), False, "")), (-2**63, -2**31, float("inf"), False, ""))
    nan = await conn.fetchval("SELECT $1::double precision", float("nan"))
    check("NaN", nan != nan, True)
    # A prepared statement, run many times.
    stmt = await conn.prepare("SELECT name FROM t WHERE id = $1")
    check("prepared", [await stmt.fetchval(i) for i in (1, 2, 5)], ["n1", "n2", None])
    check("prepared parameter types", [t.name for t in stmt.get_parameters()], ["int8"])
    check("prepared columns", [(a.name, a.type.name) for a in stmt.get_attributes()],
          [("name", "text")])
    # Cursors read a portal in parts.
    async with conn.transaction():
        cur = await conn.cursor("SELECT id FROM t WHERE id <= $1 ORDER BY id", 10)
        first = await cur.fetch(4)
        second = await cur.fetch(4)
        rest = await cur.fetch(10)
        check("cursor parts", ([x[0] for x in first], [x[0] for x in second], [x[0] for x in rest]),
              ([1, 2, 3, 4], [5, 6, 7, 8], [9, 10]))
        ids = [rec["id"] async for rec in conn.cursor("SELECT id FROM t ORDER BY id", prefetch=7)]
        check("cursor iteration", ids, list(range(1, 101)))
    # Transactions.
    try:
        async with conn.transaction():
            await conn.execute("DELETE FROM t WHERE id <= $1", 50)
            raise RuntimeError("undo")
    except RuntimeError:
        pass
    check("rolled back", await conn.fetchval("SELECT count(*) FROM t"), 100)
    async with conn.transaction():
        await conn.execute("UPDATE t SET n = $1 WHERE id = $2", -1, 1)
    check("committed", await conn.fetchval("SELECT n FROM t WHERE id = 1"), -1)
    await check_types(conn)
    # Errors.
    await expect_error(conn, "SELECT * FROM nosuch WHERE id = $1", (1,), "42P01")
    await expect_error(conn, "INSERT INTO t VALUES ($1, 'x', 0, true, 0)", (1,), "23505")
    await expect_error(conn, "SELECT $1::integer / 0", (1,), "22012")
    check("serving after errors", await conn.fetchval("SELECT count(*) FROM t WHERE ok"), 33)
    await conn.close()


async def check_types(conn):
    """Every type as a binary parameter and a binary result (asyncpg's own codecs)."""
    await conn.execute("SET TIME ZONE 'UTC'")
    await conn.execute(
        "CREATE TABLE typed (k uuid PRIMARY KEY, s smallint, r real, n numeric(12,3), vc varchar(5), "
        "c char(3), b bytea, d date, t time, ts timestamp, tz timestamptz, iv interval)")
    utc = datetime.timezone.utc
    row = (uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), -32768, 1.5,
           decimal.Decimal("-123456789.125"), "abc", "x", b"\x00\xffz",
           datetime.date(2024, 2, 29), datetime.time(4, 5, 6, 789000),
           datetime.datetime(1999, 12, 31, 23, 59, 59, 999999),
           datetime.datetime(2024, 3, 10, 7, 30, tzinfo=utc),
           datetime.timedelta(days=-1, hours=2, microseconds=5))
    await conn.execute("INSERT INTO typed VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                       *row)
    got = tuple(await conn.fetchrow("SELECT * FROM typed"))
    want = row[:5] + ("x  ",) + row[6:]
    check("binary round trip of every type", got, want)
    check("typed key lookup", await conn.fetchval(
        "SELECT n FROM typed WHERE k = $1", row[0]), decimal.Decimal("-123456789.125"))
    check("numeric arithmetic", await conn.fetchval("SELECT $1::numeric / 3", decimal.Decimal("1")),
          decimal.Decimal("0.33333333333333333333"))
    # (asyncpg reads numeric Infinity as 0E-32, from PostgreSQL too: not checked here.)
    specials = await conn.fetchrow("SELECT 'NaN'::numeric, 0.000::numeric, 1e30::numeric")
    check("special numerics", (specials[0].is_nan(), str(specials[1]), specials[2]),
          (True, "0.000", decimal.Decimal(10) ** 30))
    check("date arithmetic", await conn.fetchval("SELECT $1::date + 1", datetime.date(2024, 2, 28)),
          datetime.date(2024, 2, 29))
    check("interval result", await conn.fetchval(
        "SELECT $1::timestamp - $2::timestamp", datetime.datetime(2024, 3, 1),
        datetime.datetime(2024, 1, 1, 12)), datetime.timedelta(days=59, hours=12))
    stmt = await conn.prepare("SELECT d, tz FROM typed WHERE d = $1")
    check("date parameter type", [t.name for t in stmt.get_parameters()], ["date"])
    check("column types", [a.type.name for a in stmt.get_attributes()], ["date", "timestamptz"])
    await expect_error(conn, "INSERT INTO typed (k, vc) VALUES ($1, $2)",
                       (uuid.uuid4(), "toolong"), "22001")


def main():
    with OmenServer(binary_from_argv()) as server:
        asyncio.run(run(server.port))
    return report(failures)


if __name__ == "__main__":
    sys.exit(main())
