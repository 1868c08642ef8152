"""Sequences across kill -9: nextval is not transactional, but a value a client has seen is
never handed out again. Three connections take values (bare nextval and SERIAL inserts) while
the server is killed at random moments and restarted; every value any client received, before
and after every crash, must be distinct, and each connection's values increasing."""
import random
import sys
import threading
import time

import psycopg2

from harness import OmenServer, binary_from_argv, report

failures = []


def worker(dsn, sql, out, stop):
    try:
        conn = psycopg2.connect(dsn, connect_timeout=10)
        conn.autocommit = True
        cur = conn.cursor()
        while not stop.is_set():
            cur.execute(sql)
            out.append(cur.fetchone()[0])  # received: the client has seen this value
    except psycopg2.Error:
        pass  # the server was killed under us


def main():
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    rng = random.Random(11)
    server = OmenServer(binary_from_argv())
    seen = {"seq": [], "serial": []}
    with server:
        conn = psycopg2.connect(server.dsn())
        conn.autocommit = True
        conn.cursor().execute("CREATE SEQUENCE s; CREATE TABLE t (id bigserial PRIMARY KEY, v integer)")
        conn.close()
        for r in range(rounds):
            stop = threading.Event()
            per_conn = [[] for _ in range(3)]
            sqls = ["SELECT nextval('s')", "SELECT nextval('s')",
                    "INSERT INTO t (v) VALUES (1) RETURNING id"]
            threads = [threading.Thread(target=worker, args=(server.dsn(), sqls[i], per_conn[i], stop))
                       for i in range(3)]
            for t in threads:
                t.start()
            time.sleep(rng.uniform(0.05, 0.4))
            server.kill()
            stop.set()
            for t in threads:
                t.join(30)
            for i, values in enumerate(per_conn):
                if values != sorted(values):
                    failures.append("round %d: connection %d got values out of order" % (r, i))
            seen["seq"] += per_conn[0] + per_conn[1]
            seen["serial"] += per_conn[2]
            server.start()
        # Every SERIAL id a client received was committed (autocommit INSERT): all present.
        conn = psycopg2.connect(server.dsn())
        cur = conn.cursor()
        cur.execute("SELECT id FROM t")
        stored = {row[0] for row in cur.fetchall()}
        missing = set(seen["serial"]) - stored
        if missing:
            failures.append("acknowledged SERIAL ids missing after restarts: %d" % len(missing))
        cur.execute("SELECT nextval('s')")
        after = cur.fetchone()[0]
        if seen["seq"] and after <= max(seen["seq"]):
            failures.append("nextval after the crashes (%d) repeats a value handed out" % after)
        conn.close()
    for name, values in seen.items():
        if len(values) != len(set(values)):
            failures.append("%s: a value was handed out twice across crashes" % name)
        if not values:
            failures.append("%s: no values were taken (the test did nothing)" % name)
    print("rounds %d, sequence values %d, serial ids %d" % (rounds, len(seen["seq"]), len(seen["serial"])))
    return report(failures)


if __name__ == "__main__":
    sys.exit(main())
