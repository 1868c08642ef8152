"""TPC-B-like transactions across kill -9: atomicity and durability of multi-statement commits.

Four workers, each on its own connection, run BEGIN; UPDATE accounts; UPDATE tellers; UPDATE
branches; INSERT INTO history; COMMIT in READ COMMITTED (rows contended by every worker, so row
locks are waited for and concurrent updates re-checked). A transaction counts as acknowledged only
once its COMMIT returned; each worker also remembers its one unacknowledged (in-flight)
transaction. The server is killed with SIGKILL at a random moment, restarted on the same data
directory, and then:
  - every acknowledged transaction is in history with its aid/tid/bid/delta;
  - every other history row is an in-flight transaction of that round (whose COMMIT may or may not
    have reached the disk), and one found missing never appears later;
  - sum(abalance) = sum(tbalance) = sum(bbalance) = sum(delta), and every account's, teller's and
    branch's balance equals the sum of its history deltas (no partial transaction, no lost update);
  - no account, teller or branch row was lost or duplicated.
40001/40P01 roll back and retry with a new history id.

    python3 test_tpcb_crash.py OMENDB_BINARY [ROUNDS]     (ROUNDS also from OMENDB_CRASH_ROUNDS; 20)
    python3 test_tpcb_crash.py --pg-dsn DSN [--seconds 5]  (same workload and checks against a
        PostgreSQL server: rounds end by terminating the workers' backends instead of a crash)
Options: --seed N, --deadlocks (some transactions update branch before teller, so deadlocks
occur and 40P01 retries are exercised)."""
import argparse
import os
import random
import shutil
import sys
import tempfile
import threading
import time

import psycopg2

from harness import OmenServer, report

BRANCHES, TELLERS, ACCOUNTS, WORKERS = 2, 20, 2000, 4
RETRY_CODES = ("40001", "40P01")

failures = []


def check(name, ok, detail=""):
    if not ok:
        failures.append(name + (": " + detail if detail else ""))
    return ok


def connect(dsn):
    c = psycopg2.connect(dsn, connect_timeout=10)
    c.autocommit = True  # transaction control is sent explicitly as SQL
    return c


def load(dsn):
    conn = connect(dsn)
    cur = conn.cursor()
    cur.execute("CREATE TABLE branches (bid integer PRIMARY KEY, bbalance bigint NOT NULL)")
    cur.execute("CREATE TABLE tellers (tid integer PRIMARY KEY, bid integer NOT NULL, "
                "tbalance bigint NOT NULL)")
    cur.execute("CREATE TABLE accounts (aid integer PRIMARY KEY, bid integer NOT NULL, "
                "abalance bigint NOT NULL)")
    cur.execute("CREATE TABLE history (hid bigint PRIMARY KEY, tid integer, bid integer, "
                "aid integer, delta bigint NOT NULL)")
    cur.execute("INSERT INTO branches VALUES " +
                ", ".join("(%d, 0)" % b for b in range(1, BRANCHES + 1)))
    cur.execute("INSERT INTO tellers VALUES " +
                ", ".join("(%d, %d, 0)" % (t, teller_branch(t)) for t in range(1, TELLERS + 1)))
    for start in range(1, ACCOUNTS + 1, 500):
        cur.execute("INSERT INTO accounts VALUES " +
                    ", ".join("(%d, %d, 0)" % (a, account_branch(a))
                              for a in range(start, min(start + 500, ACCOUNTS + 1))))
    conn.close()


def teller_branch(tid):
    return (tid - 1) * BRANCHES // TELLERS + 1


def account_branch(aid):
    return (aid - 1) * BRANCHES // ACCOUNTS + 1


class Worker(threading.Thread):
    """Runs transactions until stopped or its connection is lost."""

    def __init__(self, dsn, worker_id, first_seq, seed, stop, deadlocks):
        super().__init__(daemon=True)
        self.dsn, self.worker_id, self.seq = dsn, worker_id, first_seq
        self.rng = random.Random(seed)
        self.stop, self.deadlocks = stop, deadlocks
        self.acked = {}        # hid -> (tid, bid, aid, delta): COMMIT returned
        self.inflight = None   # hid -> row of the transaction not (yet) acknowledged, or None
        self.retries = {}      # SQLSTATE -> count
        self.lost = None       # why the connection ended, if it did
        self.conn = None

    def new_txn(self):
        self.seq += 1
        tid = self.rng.randint(1, TELLERS)
        return (self.worker_id * 10**9 + self.seq,
                (tid, teller_branch(tid), self.rng.randint(1, ACCOUNTS),
                 self.rng.randint(-5000, 5000)))

    def run(self):
        try:
            self.work()
        except Exception as e:  # a bug in this test: fail loudly rather than lose the thread
            failures.append("worker %d: %s: %s" % (self.worker_id, type(e).__name__, e))
            self.lost = "exception"

    def work(self):
        try:
            self.conn = connect(self.dsn)
        except psycopg2.Error as e:
            self.lost = "connect: %s" % e
            return
        cur = self.conn.cursor()
        while not self.stop.is_set():
            hid, (tid, bid, aid, delta) = self.new_txn()
            self.inflight = (hid, (tid, bid, aid, delta))
            stmts = [("UPDATE accounts SET abalance = abalance + %d WHERE aid = %d" % (delta, aid)),
                     ("UPDATE tellers SET tbalance = tbalance + %d WHERE tid = %d" % (delta, tid)),
                     ("UPDATE branches SET bbalance = bbalance + %d WHERE bid = %d" % (delta, bid)),
                     ("INSERT INTO history VALUES (%d, %d, %d, %d, %d)" % (hid, tid, bid, aid, delta))]
            if self.deadlocks and self.rng.random() < 0.3:
                stmts[1], stmts[2] = stmts[2], stmts[1]
            try:
                if self.rng.random() < 0.25:  # the whole transaction in one query string
                    cur.execute("BEGIN; " + "; ".join(stmts) + "; COMMIT")
                else:
                    cur.execute("BEGIN")
                    for s in stmts:
                        cur.execute(s)
                        # Every row exists: each statement must touch exactly one.
                        if cur.rowcount != 1:
                            failures.append("worker %d: %r affected %d rows (hid %d)" %
                                            (self.worker_id, s, cur.rowcount, hid))
                    cur.execute("COMMIT")
                if cur.statusmessage != "COMMIT":
                    failures.append("worker %d: COMMIT of hid %d answered %r" %
                                    (self.worker_id, hid, cur.statusmessage))
                    self.lost = "bad commit tag"
                    return
                self.acked[hid] = (tid, bid, aid, delta)
                self.inflight = None
            except psycopg2.Error as e:
                code = getattr(e, "pgcode", None)
                if code in RETRY_CODES:
                    self.retries[code] = self.retries.get(code, 0) + 1
                    try:
                        cur.execute("ROLLBACK")
                    except psycopg2.Error as e2:
                        self.lost = "rollback: %s" % e2
                        return
                    self.inflight = None  # rolled back for sure; retry with a new hid
                    continue
                if code is None or code.startswith("57P") or code.startswith("08"):
                    self.lost = str(e).strip()  # the server went away
                    return
                failures.append("worker %d: unexpected error %s: %s" % (self.worker_id, code,
                                                                        str(e).strip()))
                self.lost = "unexpected error"
                return
        self.conn.close()


class Ledger:
    """What the client knows across rounds."""

    def __init__(self):
        self.committed = {}   # hid -> row: acknowledged, or in-flight and found after a restart
        self.vanished = set()  # in-flight hids found missing after a restart: must stay missing
        self.next_seq = 0

    def verify(self, dsn, label, acked, inflight):
        conn = connect(dsn)
        cur = conn.cursor()
        cur.execute("SELECT hid, tid, bid, aid, delta FROM history")
        history = {}
        for hid, tid, bid, aid, delta in cur.fetchall():
            check("%s: history hid %d unique" % (label, hid), hid not in history)
            history[hid] = (tid, bid, aid, delta)
        cur.execute("SELECT aid, bid, abalance FROM accounts")
        accounts = cur.fetchall()
        cur.execute("SELECT tid, bid, tbalance FROM tellers")
        tellers = cur.fetchall()
        cur.execute("SELECT bid, bbalance FROM branches")
        branches = cur.fetchall()
        cur.execute("SELECT count(*) FROM history")
        count = cur.fetchone()[0]
        conn.close()

        check("%s: count(*) of history" % label, count == len(history),
              "%d vs %d rows" % (count, len(history)))
        check("%s: account rows" % label,
              sorted((a, b) for a, b, _ in accounts) ==
              [(a, account_branch(a)) for a in range(1, ACCOUNTS + 1)])
        check("%s: teller rows" % label,
              sorted((t, b) for t, b, _ in tellers) ==
              [(t, teller_branch(t)) for t in range(1, TELLERS + 1)])
        check("%s: branch rows" % label,
              sorted(b for b, _ in branches) == list(range(1, BRANCHES + 1)))

        expected = dict(self.committed)
        expected.update(acked)
        missing = [h for h in expected if h not in history]
        check("%s: acknowledged transactions present" % label, not missing,
              "%d missing, e.g. %s" % (len(missing), missing[:5]))
        wrong = [h for h in expected if h in history and history[h] != expected[h]]
        check("%s: history rows as committed" % label, not wrong,
              "e.g. %s" % ["%d: %s != %s" % (h, history[h], expected[h]) for h in wrong[:3]])
        extra = [h for h in history if h not in expected and h not in inflight]
        check("%s: every unacknowledged history row was in flight" % label, not extra,
              "%d unexpected, e.g. %s" % (len(extra), extra[:5]))
        back = [h for h in history if h in self.vanished]
        check("%s: lost in-flight transactions stay lost" % label, not back, str(back[:5]))
        for h, row in inflight.items():
            if h in history:
                check("%s: in-flight hid %d row" % (label, h), history[h] == row,
                      "%s != %s" % (history[h], row))
                self.committed[h] = row
            else:
                self.vanished.add(h)
        self.committed.update(acked)

        delta_sum = sum(r[3] for r in history.values())
        a_sum = sum(r[2] for r in accounts)
        t_sum = sum(r[2] for r in tellers)
        b_sum = sum(r[1] for r in branches)
        check("%s: sum(abalance) = sum(tbalance) = sum(bbalance) = sum(delta)" % label,
              a_sum == t_sum == b_sum == delta_sum,
              "accounts %d, tellers %d, branches %d, history %d" % (a_sum, t_sum, b_sum, delta_sum))
        by_aid, by_tid, by_bid = {}, {}, {}
        for tid, bid, aid, delta in history.values():
            by_aid[aid] = by_aid.get(aid, 0) + delta
            by_tid[tid] = by_tid.get(tid, 0) + delta
            by_bid[bid] = by_bid.get(bid, 0) + delta
        bad = [(a, bal, by_aid.get(a, 0)) for a, _, bal in accounts if bal != by_aid.get(a, 0)]
        check("%s: every account balance = its history" % label, not bad,
              "%d accounts differ, e.g. (aid, abalance, history) %s" % (len(bad), bad[:5]))
        bad = [(t, bal, by_tid.get(t, 0)) for t, _, bal in tellers if bal != by_tid.get(t, 0)]
        check("%s: every teller balance = its history" % label, not bad, str(bad[:5]))
        bad = [(b, bal, by_bid.get(b, 0)) for b, bal in branches if bal != by_bid.get(b, 0)]
        check("%s: every branch balance = its history" % label, not bad, str(bad[:5]))
        return len(history)


def run_workers(dsn, ledger, rng, deadlocks, duration, end):
    """Runs WORKERS workers for `duration` seconds, then calls end() (a crash, or a graceful stop
    when end is None); returns (acknowledged rows, in-flight rows, retry counts)."""
    stop = threading.Event()
    workers = []
    for w in range(WORKERS):
        workers.append(Worker(dsn, w + 1, ledger.next_seq, rng.randrange(1 << 30), stop, deadlocks))
    for w in workers:
        w.start()
    time.sleep(duration)
    if end:
        end(workers)
    stop.set()
    for w in workers:
        w.join(timeout=60)
        check("worker %d finished" % w.worker_id, not w.is_alive())
    acked, inflight, retries = {}, {}, {}
    for w in workers:
        acked.update(w.acked)
        if w.inflight:
            inflight[w.inflight[0]] = w.inflight[1]
        for code, n in w.retries.items():
            retries[code] = retries.get(code, 0) + n
        if w.lost and end is None:
            failures.append("worker %d lost its connection: %s" % (w.worker_id, w.lost))
    ledger.next_seq = max(w.seq for w in workers) + 1
    return acked, inflight, retries


# Small merge and checkpoint thresholds, so that kills also land during and between
# checkpoints and recovery starts from segment files plus the WAL after them.
SERVER_ARGS = ("--merge-threshold", "3000", "--checkpoint-wal-bytes", "300000")


def crash_main(binary, rounds, rng, deadlocks):
    ledger = Ledger()
    data_dir = tempfile.mkdtemp(prefix="omendb_tpcb_")
    server = OmenServer(binary, data_dir=data_dir, extra_args=SERVER_ARGS)
    try:
        server.start()
        load(server.dsn())
        for i in range(1, rounds + 1):
            acked, inflight, retries = run_workers(
                server.dsn(), ledger, rng, deadlocks, rng.uniform(0.2, 1.5),
                lambda workers: server.kill())
            server = OmenServer(binary, data_dir=data_dir, extra_args=SERVER_ARGS).start()
            checkpoints = len([f for f in os.listdir(data_dir) if f.endswith(".seg")])
            rows = ledger.verify(server.dsn(), "round %d" % i, acked, inflight)
            print("round %d: %d acknowledged, %d in flight, retries %s, %d history rows, "
                  "%d segment files" % (i, len(acked), len(inflight), retries or "none", rows,
                                        checkpoints))
            if failures:
                return
        check("clean shutdown exit code", server.stop() == 0)
        server = OmenServer(binary, data_dir=data_dir, extra_args=SERVER_ARGS).start()
        ledger.verify(server.dsn(), "after clean restart", {}, {})
    finally:
        server.stop()
        server.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


def pg_main(dsn, seconds, rng, deadlocks):
    """The same workload and checks against PostgreSQL; each round ends by terminating the
    workers' backends mid-transaction (what the client sees of a crash), the last one gracefully."""
    db = "omendb_tpcb_check"
    admin = connect(dsn)
    admin.cursor().execute("DROP DATABASE IF EXISTS %s" % db)
    admin.cursor().execute("CREATE DATABASE %s" % db)
    dbdsn = dsn + " dbname=" + db
    load(dbdsn)
    ledger = Ledger()

    def terminate(workers):
        for w in workers:
            if w.conn is not None and not w.conn.closed:
                admin.cursor().execute("SELECT pg_terminate_backend(%s)", (w.conn.get_backend_pid(),))

    deadline, i = time.time() + seconds, 0
    while True:
        i += 1
        last = time.time() + 1.5 >= deadline
        acked, inflight, retries = run_workers(dbdsn, ledger, rng, deadlocks,
                                               rng.uniform(0.2, 1.5), None if last else terminate)
        check("round %d: graceful stop leaves nothing in flight" % i, not last or not inflight)
        rows = ledger.verify(dbdsn, "round %d" % i, acked, inflight)
        print("round %d: %d acknowledged, %d in flight, retries %s, %d history rows" %
              (i, len(acked), len(inflight), retries or "none", rows))
        if last or failures:
            break
    admin.cursor().execute("DROP DATABASE %s" % db)
    admin.close()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("binary", nargs="?", help="path to the omendb binary")
    p.add_argument("rounds", nargs="?", type=int,
                   default=int(os.environ.get("OMENDB_CRASH_ROUNDS", "20")))
    p.add_argument("--pg-dsn", help="run against this PostgreSQL server instead (no crashes)")
    p.add_argument("--seconds", type=float, default=5.0, help="workload time with --pg-dsn")
    p.add_argument("--seed", type=int, default=int(os.environ.get("OMENDB_CRASH_SEED", "42")))
    p.add_argument("--deadlocks", action="store_true",
                   help="vary the update order so that deadlocks (40P01) occur")
    args = p.parse_args()
    rng = random.Random(args.seed)
    print("seed %d" % args.seed)
    if args.pg_dsn:
        pg_main(args.pg_dsn, args.seconds, rng, args.deadlocks)
    elif args.binary:
        crash_main(os.path.abspath(args.binary), args.rounds, rng, args.deadlocks)
    else:
        p.error("give the omendb binary or --pg-dsn")
    return report(failures)


if __name__ == "__main__":
    sys.exit(main())
