#!/usr/bin/env python3
"""Runs sqllogictest files against a PostgreSQL server to confirm that their expectations are
PostgreSQL's behaviour (a development aid; the differential suite is separate).

    pg_check.py "host=127.0.0.1 port=5432 user=postgres dbname=postgres" test/sql/**/*.test
    pg_check.py --write DSN FILE...   # rewrites each query's expected rows (and each
                                      # expected error's text) with PostgreSQL's, for review

Records marked with a line "# omendb-only" just above them are skipped (they test OmenDB's
own errors, e.g. 0A000 for features not built yet). `restart` is a no-op for PostgreSQL.
Each file runs in a fresh database so files cannot see each other's tables."""
import hashlib
import re
import sys

import psycopg2
import psycopg2.extensions

# Return every value as PostgreSQL's text output, as OmenDB's runner compares them.
for oid in (16, 17, 20, 21, 23, 25, 700, 701, 1700, 705, 1042, 1043, 1082, 1083, 1114, 1184,
            1186, 2950):
    psycopg2.extensions.register_type(
        psycopg2.extensions.new_type((oid,), "RAW%d" % oid, lambda v, c: v))


def records(lines):
    i, skip_next = 0, False
    while i < len(lines):
        line = lines[i].rstrip("\n")
        if line.strip() == "# omendb-only":
            skip_next = True
            i += 1
            continue
        words = line.split()
        if not words or words[0].startswith("#"):
            i += 1
            continue
        start = i + 1
        i += 1
        sql, expected, in_result = [], [], False
        while i < len(lines) and lines[i].strip() != "":
            l = lines[i].rstrip("\n")
            if l == "----":
                in_result = True
            elif in_result:
                expected.append(l)
            else:
                sql.append(l)
            i += 1
        yield start, words, "\n".join(sql), expected, skip_next
        skip_next = False


def run_file(dsn, path, write=False):
    conns, failures = {}, []
    lines = open(path).readlines()
    replacements = {}  # first line of a record's expected block -> (old length, new lines)
    db = "slt_" + re.sub(r"\W", "_", path)[-40:].lower()
    admin = psycopg2.connect(dsn)
    admin.autocommit = True
    admin.cursor().execute("DROP DATABASE IF EXISTS %s" % db)
    admin.cursor().execute("CREATE DATABASE %s" % db)

    def conn(name):
        if name not in conns:
            c = psycopg2.connect(dsn + " dbname=" + db)
            c.autocommit = True
            conns[name] = c
        return conns[name]

    threshold = 0
    for line, words, sql, expected, skip in records(lines):
        if words[0] == "hash-threshold":
            threshold = int(words[1])
            continue
        if skip or words[0] in ("restart", "halt"):
            continue
        name = next((w[1:] for w in words if w.startswith("@")), "default")
        words = [w for w in words if not w.startswith("@")]
        cur = conn(name).cursor()
        try:
            cur.execute(sql)
            rows = cur.fetchall() if cur.description else None
            err = None
        except psycopg2.Error as e:
            rows, err = None, e
        if words[0] == "statement":
            if words[1] == "ok" and err:
                failures.append("%s:%d: PostgreSQL failed: %s" % (path, line, err.pgerror))
            elif words[1] == "error":
                if not err:
                    failures.append("%s:%d: PostgreSQL succeeded" % (path, line))
                elif write:
                    want = expected[0] if expected else err.pgcode
                    if not re.fullmatch(r"[0-9A-Z]{5}", want):
                        want = err.pgerror.splitlines()[0].split(":  ", 1)[-1]
                    replacements[line] = (sql, expected, [want])
                elif expected:
                    want = expected[0]
                    ok = err.pgcode == want if re.fullmatch(r"[0-9A-Z]{5}", want) else want in err.pgerror
                    if not ok:
                        failures.append("%s:%d: PostgreSQL error %s %s, expected %s" %
                                        (path, line, err.pgcode, err.pgerror.strip(), want))
            continue
        if err:
            failures.append("%s:%d: PostgreSQL failed: %s" % (path, line, err.pgerror))
            continue
        cells = [["NULL" if v is None else ("(empty)" if v == "" else v) for v in r] for r in rows]
        mode = words[2] if len(words) > 2 else "nosort"
        if mode == "valuesort":
            actual = sorted(v for r in cells for v in r)
            values = actual
            expected = sorted(v for e in expected for v in e.split("\t"))
        else:
            if mode == "rowsort":
                cells.sort()
            actual = ["\t".join(r) for r in cells]
            values = [v for r in cells for v in r]
        if threshold and len(values) > threshold:
            joined = "".join(v + "\n" for v in values)
            actual = ["%d values hashing to %s" % (len(values), hashlib.md5(joined.encode()).hexdigest())]
        if write and actual != expected:
            replacements[line] = (sql, expected, actual)
        elif actual != expected:
            failures.append("%s:%d: PostgreSQL gives %s, file expects %s" % (path, line, actual, expected))
    for c in conns.values():
        c.close()
    admin.cursor().execute("DROP DATABASE %s" % db)
    admin.close()
    if replacements:
        out, i = [], 0
        while i < len(lines):
            out.append(lines[i])
            if i + 1 in replacements:  # records() numbers the SQL's first line from 1
                sql, expected, new = replacements.pop(i + 1)
                j = i + 1
                while j < len(lines) and lines[j].strip() != "":
                    j += 1
                body = lines[i + 1:j]
                cut = next((k for k, l in enumerate(body) if l.rstrip("\n") == "----"), len(body))
                out.extend(body[:cut])
                out.append("----\n")
                out.extend(v + "\n" for v in new)
                i = j
                continue
            i += 1
        open(path, "w").write("".join(out))
    return failures


def main():
    write = sys.argv[1] == "--write"
    args = sys.argv[2:] if write else sys.argv[1:]
    dsn, files = args[0], args[1:]
    failures = []
    for f in files:
        failures += run_file(dsn, f, write)
    for f in failures:
        print(f)
    print("%d files, %d disagreements with PostgreSQL" % (len(files), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
