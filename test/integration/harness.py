"""Starts and stops an `omendb serve` process on free loopback ports for integration tests.

Used as a context manager; the server is always stopped (SIGTERM, then SIGKILL) on exit, even
when the test fails.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time


class OmenServer:
    def __init__(self, binary, data_dir=None, extra_args=()):
        self.binary = binary
        self.extra_args = extra_args
        self._own_dir = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="omendb_it_")
        self.proc = None
        self.port = None
        self.http_port = None

    def start(self):
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--data-dir", self.data_dir, "--port", "0", "--http-port", "0"]
            + list(self.extra_args),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.time() + 30
        lines = []
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            m = re.search(r"PostgreSQL protocol on [\d.]+:(\d+)", line)
            if m:
                self.port = int(m.group(1))
            m = re.search(r"HTTP on [\d.]+:(\d+)", line)
            if m:
                self.http_port = int(m.group(1))
            if "omendb: ready" in line:
                return self
        self.kill()
        raise RuntimeError("server did not start:\n" + "".join(lines))

    def stop(self):
        """Clean shutdown (SIGTERM); returns the exit code."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode if self.proc else None

    def kill(self):
        """Crash: SIGKILL, no chance to flush anything."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def dsn(self):
        return "host=127.0.0.1 port=%d user=postgres dbname=postgres" % self.port

    def psql(self, *args, input_text=None):
        env = dict(os.environ, PGHOST="127.0.0.1", PGPORT=str(self.port), PGUSER="postgres",
                   PGDATABASE="postgres", PGCONNECT_TIMEOUT="10")
        return subprocess.run(["psql", "-X"] + list(args), input=input_text, env=env,
                              capture_output=True, text=True, timeout=120)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        if self.proc and self.proc.poll() is None:
            self.kill()
        if self._own_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)
        return False


def binary_from_argv():
    if len(sys.argv) < 2:
        sys.exit("usage: %s PATH_TO_OMENDB" % sys.argv[0])
    return os.path.abspath(sys.argv[1])


def report(failures):
    """Prints each failure and the closing count line; returns the process exit code."""
    for f in failures:
        print("FAIL", f)
    print("%d passed, %d failed" % (0 if failures else 1, 1 if failures else 0))
    return 1 if failures else 0
