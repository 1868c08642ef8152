#!/usr/bin/env python3
"""Differential test: the corpus in test/differential/corpus/*.sql runs against a throwaway
PostgreSQL 15 and against `omendb serve`; every statement must give the same result on both.

    /usr/bin/python3 test/differential/run_differential.py PATH_TO_OMENDB [-v] [FILE.sql ...]

schema.sql is applied to both databases first (every statement must succeed on both). Then each
corpus file runs, in name order, on one session per database (autocommit, `SET TIME ZONE 'UTC'`
at the start of each file, so statements may SET other zones). Two results agree when

  - both succeed with the same command status (`INSERT 0 3`, `SELECT 2`, ...) and the same rows,
    every value as PostgreSQL's text output (NULL distinct from every string), in the same order
    unless the record is marked `-- unordered` (then compared as multisets); or
  - both fail with the same SQLSTATE (messages are not compared).

Corpus format: records separated by a line containing only `;;`. Lines of a record starting
with `--` before its first SQL line are comments; `-- unordered` among them marks a query whose
rows have no defined order, `-- ordered` one whose order is defined without ORDER BY (INSERT
... VALUES ... RETURNING). A query returning more than one row must say ORDER BY or carry one of
the two (checked, so an unordered result is never compared by position by accident).
Records are numbered from 1 in each file: `joins.sql:12`.

known_differences.txt lists the statements allowed to differ (`file.sql:N  reason`), each an
OmenDB bug or gap to fix. The run fails if a statement not listed differs, and also if a listed
one agrees (the list must stay true: delete its line) or names no statement.

Prints each difference with both results and closes with a count line:
  differential: 523 statements, 520 agree, 3 known differences (listed), 0 unexpected
Exit code 0 only when every statement agrees or is listed and every listed one still differs.
"""
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import psycopg2
import psycopg2.extensions

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "test", "integration"))
from harness import OmenServer  # noqa: E402

TEMP_PG = os.path.join(ROOT, "scripts", "lib", "temp_postgres.sh")

# Every value comes back as PostgreSQL's text output: no client-side parsing that could hide
# (or invent) a difference.
for _oid in (16, 17, 20, 21, 23, 25, 700, 701, 1042, 1043, 1082, 1083, 1114, 1184, 1186, 1700,
             2950, 705):
    psycopg2.extensions.register_type(
        psycopg2.extensions.new_type((_oid,), "RAW%d" % _oid, lambda v, c: v))

SESSION_SETUP = ["SET TIME ZONE 'UTC'", "SET statement_timeout = '20s'"]


class SchemaFailed(Exception):
    pass


class Record:
    def __init__(self, file, number, line, sql, unordered, ordered):
        self.file, self.number, self.line, self.sql = file, number, line, sql
        self.unordered, self.ordered = unordered, ordered

    @property
    def key(self):
        return "%s:%d" % (self.file, self.number)


def parse_corpus(path):
    """Splits a corpus file into records at lines that are exactly `;;`."""
    name = os.path.basename(path)
    records, chunk, start = [], [], 1
    lines = open(path, encoding="utf-8").read().split("\n")

    def flush(end_line):
        nonlocal chunk
        body = list(chunk)
        chunk = []
        unordered = ordered = False
        first = 0
        # Leading comments (and blank lines) carry directives.
        while first < len(body) and (body[first].strip() == "" or body[first].lstrip().startswith("--")):
            if body[first].strip() == "-- unordered":
                unordered = True
            elif body[first].strip() == "-- ordered":
                ordered = True
            first += 1
        sql = "\n".join(body[first:]).strip()
        if sql.endswith(";"):
            sql = sql[:-1].rstrip()
        if not sql:
            if unordered or ordered:
                raise SystemExit("%s:%d: directive without a statement" % (name, end_line))
            return
        records.append(Record(name, len(records) + 1, start + first, sql, unordered, ordered))

    for i, line in enumerate(lines, 1):
        if line.strip() == ";;":
            flush(i)
            start = i + 1
        else:
            chunk.append(line)
    flush(len(lines))
    return records


def parse_known(path):
    known = {}
    if not os.path.exists(path):
        return known
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"(\S+\.sql:\d+)\s+(.*)$", line)
        if not m or not m.group(2).strip():
            raise SystemExit("known_differences.txt:%d: expected `file.sql:N  reason`" % n)
        if m.group(1) in known:
            raise SystemExit("known_differences.txt:%d: %s listed twice" % (n, m.group(1)))
        known[m.group(1)] = m.group(2).strip()
    return known


def run(conn, sql):
    """Returns ('ok', status, rows) or ('error', sqlstate, message)."""
    cur = conn.cursor()
    try:
        cur.execute(sql)
        rows = [tuple(r) for r in cur.fetchall()] if cur.description else None
        return ("ok", cur.statusmessage, rows)
    except psycopg2.Error as e:
        if e.pgcode is None:
            raise  # connection-level failure, not an SQL error
        msg = (e.pgerror or str(e)).strip().splitlines()
        return ("error", e.pgcode, msg[0] if msg else "")
    finally:
        cur.close()


def sort_key(row):
    return tuple((v is None, v if v is not None else "") for v in row)


def comparable(result, unordered):
    if result[0] == "error":
        return ("error", result[1])
    rows = result[2]
    if rows is not None and unordered:
        rows = sorted(rows, key=sort_key)
    return ("ok", result[1], rows)


def show(result, limit=12):
    if result[0] == "error":
        return "ERROR %s: %s" % (result[1], result[2])
    out = result[1]
    rows = result[2]
    if rows is not None:
        parts = ["(" + ", ".join("NULL" if v is None else repr(v) for v in r) + ")" for r in rows[:limit]]
        if len(rows) > limit:
            parts.append("... %d rows in all" % len(rows))
        out += " " + " ".join(parts) if parts else " (no rows)"
    return out


class PostgresCluster:
    """A throwaway PostgreSQL 15 via scripts/lib/temp_postgres.sh; always stopped."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="omendb_diff_pg_")
        self.port = None

    def start(self):
        out = subprocess.run(
            ["bash", "-c", 'source "$0"; temp_postgres_start "$1" fsync=off >&2 && echo "$PG_PORT"',
             TEMP_PG, self.dir], capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            raise RuntimeError("PostgreSQL did not start:\n" + out.stdout + out.stderr)
        self.port = int(out.stdout.strip().splitlines()[-1])
        return self

    def stop(self):
        subprocess.run(["bash", "-c", 'source "$0"; temp_postgres_stop "$1"', TEMP_PG, self.dir],
                       capture_output=True, timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)

    def dsn(self):
        return "host=127.0.0.1 port=%d user=postgres dbname=postgres" % self.port


def connect(dsn):
    conn = psycopg2.connect(dsn, connect_timeout=10)
    conn.autocommit = True
    for s in SESSION_SETUP:
        conn.cursor().execute(s)
    return conn


class Omen:
    """The OmenDB server and one session; restarted on its data directory if it dies."""

    def __init__(self, binary):
        self.binary = binary
        self.data_dir = tempfile.mkdtemp(prefix="omendb_diff_")
        self.server = None
        self.conn = None
        self.crashes = 0

    def start(self):
        self.server = OmenServer(self.binary, data_dir=self.data_dir).start()
        self.conn = connect(self.server.dsn())

    def run(self, sql):
        try:
            return run(self.conn, sql)
        except psycopg2.Error as e:
            # The connection broke: the server crashed or closed it. Report it as this
            # statement's result, then continue on a restarted server (same data directory).
            self.crashes += 1
            alive = self.server.proc.poll() is None
            result = ("error", "CRASH" if not alive else "CONN", str(e).strip().splitlines()[0] if str(e).strip() else "")
            try:
                self.conn.close()
            except Exception:
                pass
            if not alive:
                self.server.stop()
                self.server = OmenServer(self.binary, data_dir=self.data_dir).start()
            self.conn = connect(self.server.dsn())
            return result

    def stop(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
        if self.server is not None:
            self.server.stop()
            self.server.kill()
        shutil.rmtree(self.data_dir, ignore_errors=True)


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    if not args:
        sys.exit("usage: %s PATH_TO_OMENDB [-v] [FILE.sql ...]" % sys.argv[0])
    binary = os.path.abspath(args[0])
    only = set(os.path.basename(a) for a in args[1:])

    files = sorted(glob.glob(os.path.join(HERE, "corpus", "*.sql")))
    corpus = []
    for f in files:
        if only and os.path.basename(f) not in only:
            continue
        corpus.append((os.path.basename(f), parse_corpus(f)))
    schema = parse_corpus(os.path.join(HERE, "schema.sql"))
    known = parse_known(os.path.join(HERE, "known_differences.txt"))
    corpus_keys = {r.key for f in files for r in parse_corpus(f)}

    # SIGTERM (ctest's timeout) must still stop both servers.
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(143))

    started = time.time()
    pg = PostgresCluster()
    omen = Omen(binary)
    problems = []  # lines printed as FAIL: the corpus itself or the known list is wrong
    unexpected, listed, agree, stale = [], [], 0, []
    try:
        pg.start()
        omen.start()
        pgc = connect(pg.dsn())

        for rec in schema:
            a, b = run(pgc, rec.sql), omen.run(rec.sql)
            if a[0] != "ok" or b[0] != "ok":
                problems.append("schema.sql:%d (line %d) must succeed on both:\n    PostgreSQL: %s\n    OmenDB:     %s"
                                % (rec.number, rec.line, show(a), show(b)))
        if problems:
            raise SchemaFailed()

        for fname, records in corpus:
            for s in SESSION_SETUP:
                run(pgc, s)
                omen.run(s)
            for rec in records:
                a, b = run(pgc, rec.sql), omen.run(rec.sql)
                if (a[0] == "ok" and a[2] is not None and len(a[2]) > 1 and not rec.unordered and not rec.ordered
                        and not re.search(r"\border\s+by\b", rec.sql, re.I)):
                    problems.append("%s (line %d): %d rows without ORDER BY; order them or mark "
                                    "the record `-- unordered`" % (rec.key, rec.line, len(a[2])))
                same = comparable(a, rec.unordered) == comparable(b, rec.unordered)
                if verbose:
                    print("%s %s: %s" % ("ok  " if same else "DIFF", rec.key, rec.sql.replace("\n", " ")[:150]))
                if same:
                    agree += 1
                    if rec.key in known:
                        stale.append(rec.key)
                    continue
                text = ("%s (line %d)%s\n    %s\n    PostgreSQL: %s\n    OmenDB:     %s"
                        % (rec.key, rec.line, " [unordered]" if rec.unordered else "",
                           rec.sql.replace("\n", "\n    "), show(a), show(b)))
                if rec.key in known:
                    listed.append((text, known[rec.key]))
                else:
                    unexpected.append(text)
    except SchemaFailed:
        pass
    finally:
        omen.stop()
        pg.stop()

    for key in sorted(set(known) - corpus_keys):
        problems.append("known_differences.txt lists %s, which is no statement of the corpus" % key)
    for key in stale:
        problems.append("%s is listed in known_differences.txt (%s) but now agrees: delete its line"
                        % (key, known[key]))

    for text, reason in listed:
        if verbose or unexpected:
            print("KNOWN %s\n    reason: %s" % (text, reason))
        else:
            print("known %s: %s" % (text.split(" ", 1)[0], reason))
    for text in unexpected:
        print("DIFF %s" % text)
    for p in problems:
        print("FAIL %s" % p)
    total = agree + len(listed) + len(unexpected)
    print("differential: %d statements, %d agree, %d known differences (listed), %d unexpected"
          % (total, agree, len(listed), len(unexpected))
          + (", %d OmenDB connection losses" % omen.crashes if omen.crashes else "")
          + " (%.1fs)" % (time.time() - started))
    return 1 if unexpected or problems else 0


if __name__ == "__main__":
    sys.exit(main())
