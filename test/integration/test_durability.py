"""Durability of acknowledged commits across a clean restart and across kill -9.

Writers on several connections insert 3-row batches (one statement each) and record every
batch the server acknowledged. The server is killed with SIGKILL at a random moment, restarted
on the same data directory, and then every acknowledged batch must be present, each batch
must be all-or-nothing."""
import random
import subprocess
import sys
import threading
import time

import psycopg2

from harness import OmenServer, binary_from_argv, report

failures = []


def check(name, ok, detail=""):
    if not ok:
        failures.append(name + (": " + detail if detail else ""))


def connect(server):
    c = psycopg2.connect(server.dsn(), connect_timeout=10)
    c.autocommit = True
    return c


def writer(server, first_id, stride, acked, stop):
    try:
        conn = connect(server)
        cur = conn.cursor()
        batch = first_id
        while not stop.is_set():
            ids = [batch * 3, batch * 3 + 1, batch * 3 + 2]
            cur.execute("INSERT INTO ledger VALUES (%s, %s), (%s, %s), (%s, %s)",
                        (ids[0], batch, ids[1], batch, ids[2], batch))
            acked.append(batch)  # acknowledged: CommandComplete + ReadyForQuery received
            batch += stride
    except psycopg2.Error:
        pass  # the server was killed under us


def crash_round(binary, data_dir, round_no, sent_upto):
    with OmenServer(binary, data_dir=data_dir) as server:
        acked, stop, threads = [], threading.Event(), []
        writers = 3
        for w in range(writers):
            t = threading.Thread(target=writer, args=(server, sent_upto + w, writers, acked, stop))
            t.start()
            threads.append(t)
        time.sleep(random.uniform(0.05, 0.4))
        server.kill()
        stop.set()
        for t in threads:
            t.join(timeout=30)
    with OmenServer(binary, data_dir=data_dir) as server:
        conn = connect(server)
        cur = conn.cursor()
        cur.execute("SELECT id, batch FROM ledger")
        rows = cur.fetchall()
        batches = {}
        for id_, batch in rows:
            batches.setdefault(batch, []).append(id_)
        missing = [b for b in acked if b not in batches]
        check("round %d: acknowledged batches present" % round_no, not missing,
              "%d missing, e.g. %s" % (len(missing), missing[:5]))
        partial = [b for b, ids in batches.items() if sorted(ids) != [b * 3, b * 3 + 1, b * 3 + 2]]
        check("round %d: batches are atomic" % round_no, not partial, str(partial[:5]))
        conn.close()
        print("round %d: %d acknowledged, %d batches recovered" % (round_no, len(acked), len(batches)))
        return max(batches) + 1000 if batches else sent_upto + 1000


def main():
    binary = binary_from_argv()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    random.seed(42)
    with OmenServer(binary) as first:
        data_dir = first.data_dir
        conn = connect(first)
        cur = conn.cursor()
        cur.execute("CREATE TABLE ledger (id bigint PRIMARY KEY, batch bigint NOT NULL)")
        cur.execute("CREATE TABLE kv (k integer PRIMARY KEY, v text)")
        cur.execute("INSERT INTO kv VALUES (1, 'one'), (2, 'two')")
        conn.close()
        check("clean shutdown exit code", first.stop() == 0)

        # A second server on the same directory is refused while the first runs.
        with OmenServer(binary, data_dir=data_dir) as server:
            r = subprocess.run([binary, "serve", "--data-dir", data_dir, "--port", "0",
                                "--http-port", "0"], capture_output=True, text=True, timeout=30)
            check("second server refused", r.returncode != 0 and "in use" in r.stdout + r.stderr,
                  r.stdout + r.stderr)
            conn = connect(server)
            cur = conn.cursor()
            cur.execute("SELECT k, v FROM kv ORDER BY k")
            check("data after clean restart", cur.fetchall() == [(1, "one"), (2, "two")])
            cur.execute("DROP TABLE kv")
            conn.close()
        # kill -9 right after an acknowledged DDL + insert.
        with OmenServer(binary, data_dir=data_dir) as server:
            conn = connect(server)
            conn.cursor().execute("CREATE TABLE after_kill (x integer); INSERT INTO after_kill VALUES (7)")
            server.kill()
        with OmenServer(binary, data_dir=data_dir) as server:
            cur = connect(server).cursor()
            cur.execute("SELECT x FROM after_kill")
            check("DDL and insert survive kill -9", cur.fetchall() == [(7,)])
            try:
                cur.execute("SELECT k FROM kv")
                check("dropped table stays dropped", False)
            except psycopg2.Error as e:
                check("dropped table stays dropped", e.pgcode == "42P01", str(e.pgcode))
        next_batch = 0
        for i in range(rounds):
            next_batch = crash_round(binary, data_dir, i + 1, next_batch)
    return report(failures)


if __name__ == "__main__":
    sys.exit(main())
