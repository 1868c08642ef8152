"""Mutated SQL against `omendb serve`: statements of the differential corpus with tokens
deleted, repeated, swapped, replaced by hostile ones (extreme numbers, bad literals, stray
operators and keywords), spliced with other statements or nested deeply. Whatever a statement
does, the server must answer it with rows or an error carrying a SQLSTATE (never an internal
error, XX000), keep the connection, and keep serving.

    /usr/bin/python3 test_sql_fuzz.py PATH_TO_OMENDB [STATEMENTS=5000] [SEED=1]

A failing statement is printed with the seed and its number, so the run can be repeated.
"""
import glob
import os
import random
import re
import sys

import psycopg2

from harness import OmenServer, binary_from_argv, report

HERE = os.path.dirname(os.path.abspath(__file__))
DIFFERENTIAL = os.path.join(HERE, "..", "differential")

TOKEN = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|::|<=|>=|<>|!=|"
                   r"\|\||[A-Za-z_][A-Za-z_0-9.]*|\S")

HOSTILE = [
    "NULL", "''", "'x'", "'NaN'", "'-infinity'", "'infinity'", "0", "-0", "1e308", "-1e308",
    "1e-400", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
    "2147483648", "-32769", "99999999999999999999999999999999999999.5", "0.0000000000001",
    "'2024-02-30'", "'24:00:01'", "'1 year -1 second'", "'00000000-0000-0000-0000-00000000000g'",
    "'\\x4'", "E'\\\\'", "(", ")", ",", "*", "/", "%", "-", "+", "::", "::integer", "::text",
    "::numeric(3,1)", "::varchar(1)", "::char(2)", "::date", "::interval", "::bytea", "::uuid",
    "::boolean", "::smallint", "SELECT", "FROM", "WHERE", "GROUP BY", "ORDER BY", "LIMIT",
    "OFFSET", "UNION", "EXCEPT", "JOIN", "ON", "AND", "OR", "NOT", "IN", "EXISTS", "CASE",
    "WHEN", "END", "DISTINCT", "ALL", "ANY", "BETWEEN", "LIKE", "ILIKE", "ESCAPE", "IS", "COALESCE",
    "NULLIF", "GREATEST", "count(*)", "sum(", "avg(", "string_agg(", "OVER (", "PARTITION BY",
    "RETURNING *", "ON CONFLICT DO NOTHING", "VALUES", "generate_series(1, 3)", "$1", "everything",
    "(SELECT 1)", "(SELECT NULL)", "(VALUES (1), (2))", "WITH RECURSIVE", ";",
]


def load_statements():
    statements = []
    for path in sorted(glob.glob(os.path.join(DIFFERENTIAL, "corpus", "*.sql"))):
        for record in open(path, encoding="utf-8").read().split("\n;;\n"):
            lines = [l for l in record.split("\n") if not l.lstrip().startswith("--")]
            sql = "\n".join(lines).strip().rstrip(";").strip()
            if sql:
                statements.append(sql)
    return statements


LITERALS = [h for h in HOSTILE if h[0] in "'-0123456789E" or h == "NULL"]


def mutate(rng, sql, corpus):
    tokens = TOKEN.findall(sql)
    if not tokens:
        return sql
    literal = [i for i, t in enumerate(tokens) if t[0] in "'0123456789" or t.upper() == "NULL"]
    if literal and rng.random() < 0.5:
        # Keeps the statement's shape, so it gets past the parser and binder more often.
        for _ in range(rng.randint(1, 2)):
            tokens[rng.choice(literal)] = rng.choice(LITERALS)
        return " ".join(tokens)
    for _ in range(1 if rng.random() < 0.7 else rng.randint(2, 3)):
        op = rng.randrange(7)
        i = rng.randrange(len(tokens))
        if op == 0 and len(tokens) > 1:
            del tokens[i]
        elif op == 1:
            tokens.insert(i, tokens[i])
        elif op == 2:
            j = rng.randrange(len(tokens))
            tokens[i], tokens[j] = tokens[j], tokens[i]
        elif op in (3, 4):
            tokens[i] = rng.choice(HOSTILE)
        elif op == 5:
            other = TOKEN.findall(rng.choice(corpus))
            tokens = tokens[:i] + other[rng.randrange(len(other)):]
        else:
            depth = rng.choice([2, 10, 200])
            tokens = tokens[:i] + ["("] * depth + [tokens[i]] + [")"] * depth + tokens[i + 1:]
        if not tokens:
            tokens = ["SELECT"]
    return " ".join(tokens)


def connect(server):
    conn = psycopg2.connect(server.dsn(), connect_timeout=10)
    conn.autocommit = True
    with conn.cursor() as cur:
        # A mutation can make a query huge (a cross join): stop it; 57014 is an answer too.
        cur.execute("SET statement_timeout = '2s'")
        cur.execute("SET TIME ZONE 'UTC'")
    return conn


def main():
    binary = binary_from_argv()
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = random.Random(seed)
    corpus = load_statements()
    schema = open(os.path.join(DIFFERENTIAL, "schema.sql"), encoding="utf-8").read()
    failures = []
    answered = {"rows": 0, "error": 0}
    codes = {}
    with OmenServer(binary) as server:
        conn = connect(server)
        with conn.cursor() as cur:
            cur.execute(schema)
        for n in range(count):
            sql = mutate(rng, rng.choice(corpus), corpus)
            where = "seed %d statement %d: %s" % (seed, n, sql[:300])
            try:
                with conn.cursor() as cur:
                    cur.execute(sql)
                    if cur.description is not None:
                        try:
                            cur.fetchall()
                        except (ValueError, OverflowError):
                            pass  # a value Python's types cannot hold (year -100): still rows
                answered["rows"] += 1
            except psycopg2.Error as e:
                if e.pgcode is None and "empty query" in str(e):
                    answered["rows"] += 1  # EmptyQueryResponse: psycopg2 raises on it
                    continue
                if e.pgcode is None:
                    failures.append("%s: no SQLSTATE (%s)" % (where, str(e).strip()[:200]))
                    if server.proc.poll() is not None:
                        failures.append("the server exited with %s" % server.proc.returncode)
                        break
                    conn = connect(server)
                    continue
                if e.pgcode == "XX000":
                    failures.append("%s: internal error: %s" % (where, str(e).strip()[:200]))
                answered["error"] += 1
                codes[e.pgcode] = codes.get(e.pgcode, 0) + 1
                if conn.get_transaction_status() == psycopg2.extensions.TRANSACTION_STATUS_INERROR:
                    with conn.cursor() as cur:
                        cur.execute("ROLLBACK")  # a mutated statement opened a block
            if conn.closed:
                failures.append("%s: connection closed" % where)
                conn = connect(server)
        # Still serving: a new connection answers.
        with connect(server).cursor() as cur:
            cur.execute("SELECT 1")
            cur.fetchall()
    print("sql fuzz: %d statements (seed %d): %d answered with rows, %d with an error" %
          (count, seed, answered["rows"], answered["error"]))
    print("errors by SQLSTATE: " + ", ".join("%s %d" % (c, n) for c, n in sorted(
        codes.items(), key=lambda x: -x[1])))
    return report(failures)


if __name__ == "__main__":
    sys.exit(main())
