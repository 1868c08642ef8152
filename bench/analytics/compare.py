#!/usr/bin/env python3
"""Times the analytics queries over the PostgreSQL protocol (OmenDB, PostgreSQL) and merges
DuckDB's timings (duckdb_runner.mjs output), checks that all engines return the same rows
(numbers compared to 1e-9 relative), and prints a Markdown table of median times and ratios.

    compare.py QUERIES RUNS OMENDB_DSN PG_DSN DUCKDB2_JSON DUCKDB1_JSON
"""
import json
import statistics
import sys
import time

import psycopg2
import psycopg2.extensions

for oid in (16, 20, 21, 23, 25, 700, 701, 1043, 1700):  # every value as its text
    psycopg2.extensions.register_type(
        psycopg2.extensions.new_type((oid,), "RAW%d" % oid, lambda v, c: v))


def load_queries(path):
    return [l.strip() for l in open(path) if l.strip() and not l.startswith("--")]


def run_server(dsn, queries, runs, setup=None):
    conn = psycopg2.connect(dsn)
    conn.autocommit = True
    cur = conn.cursor()
    if setup:
        cur.execute(setup)
    out = []
    for q in queries:
        times, rows = [], None
        for i in range(runs + 1):  # the first run warms up and is not counted
            start = time.perf_counter()
            cur.execute(q)
            rows = cur.fetchall()
            ms = (time.perf_counter() - start) * 1e3
            if i > 0:
                times.append(ms)
        out.append({"query": q, "rows": [list(r) for r in rows], "times": times})
    conn.close()
    return out


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    try:
        x, y = float(a), float(b)
        return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
    except ValueError:
        return a == b


def same_rows(r1, r2):
    return len(r1) == len(r2) and all(
        len(x) == len(y) and all(same(u, v) for u, v in zip(x, y)) for x, y in zip(r1, r2))


def main():
    queries_file, runs, omen_dsn, pg_dsn, duck2, duck1 = sys.argv[1:7]
    runs = int(runs)
    queries = load_queries(queries_file)
    engines = [
        ("OmenDB", run_server(omen_dsn, queries, runs)),
        ("PostgreSQL", run_server(pg_dsn, queries, runs)),
        ("PostgreSQL 1 worker",
         run_server(pg_dsn, queries, runs, "SET max_parallel_workers_per_gather = 0")),
        ("DuckDB 2 threads", json.load(open(duck2))),
        ("DuckDB 1 thread", json.load(open(duck1))),
    ]
    failures = 0
    for i, q in enumerate(queries):
        for name, res in engines[1:]:
            if not same_rows(engines[0][1][i]["rows"], res[i]["rows"]):
                failures += 1
                print("MISMATCH on %r: OmenDB %r vs %s %r" % (
                    q, engines[0][1][i]["rows"][:3], name, res[i]["rows"][:3]))
    print("| query | " + " | ".join(n + " ms" for n, _ in engines) +
          " | PostgreSQL / OmenDB | PostgreSQL 1 worker / OmenDB | DuckDB 1 thread / OmenDB |")
    print("|---|" + "---:|" * (len(engines) + 3))
    for i, q in enumerate(queries):
        med = [statistics.median(res[i]["times"]) for _, res in engines]
        print("| `%s` | %s | %.2fx | %.2fx | %.2fx |" % (
            q, " | ".join("%.1f" % m for m in med), med[1] / med[0], med[2] / med[0],
            med[4] / med[0]))
    print("rows checked: %d queries, %d mismatches" % (len(queries), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
