"""asyncpg against `omendb serve`: asyncpg speaks only the extended protocol and asks for
binary results, so this checks binary encoding of every type, prepared statements, cursors
(portals read in parts with Execute row limits), transactions and errors by SQLSTATE."""
import asyncio
import sys

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
    # Errors.
    await expect_error(conn, "SELECT * FROM nosuch WHERE id = $1", (1,), "42P01")
    await expect_error(conn, "INSERT INTO t VALUES ($1, 'x', 0, true, 0)", (1,), "23505")
    await expect_error(conn, "SELECT $1::integer / 0", (1,), "22012")
    check("serving after errors", await conn.fetchval("SELECT count(*) FROM t WHERE ok"), 33)
    await conn.close()


def main():
    with OmenServer(binary_from_argv()) as server:
        asyncio.run(run(server.port))
    return report(failures)


if __name__ == "__main__":
    sys.exit(main())
