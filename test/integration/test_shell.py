"""`omendb shell` reading SQL from a pipe: its stdout and stderr must equal what psql prints
for the same script against PostgreSQL 15 (shell/*.out, shell/*.err; psql's "psql:file:line:"
prefixes removed). Also: the shell and the server share one engine and data format, and
`omendb --help` documents the flags."""
import difflib
import os
import shutil
import subprocess
import sys
import tempfile

import psycopg2

from harness import OmenServer, binary_from_argv, report

HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def compare(name, expected, actual):
    if expected != actual:
        failures.append(name + "\n" + "".join(difflib.unified_diff(
            expected.splitlines(True), actual.splitlines(True), "expected", "actual")))


def main():
    binary = binary_from_argv()
    script = os.path.join(HERE, "psql", "first_path.sql")
    data_dir = tempfile.mkdtemp(prefix="omendb_shell_")
    try:
        with open(script) as f:
            r = subprocess.run([binary, "shell", "--data-dir", data_dir], stdin=f,
                               capture_output=True, text=True, timeout=60)
        check_rc = r.returncode == 0
        if not check_rc:
            failures.append("shell exit code %d" % r.returncode)
        compare("stdout", open(os.path.join(HERE, "shell", "first_path.out")).read(), r.stdout)
        compare("stderr", open(os.path.join(HERE, "shell", "first_path.err")).read(), r.stderr)
        # The server opens what the shell wrote.
        with OmenServer(binary, data_dir=data_dir) as server:
            conn = psycopg2.connect(server.dsn())
            conn.autocommit = True
            cur = conn.cursor()
            cur.execute("SELECT owner FROM accounts WHERE id = 7")
            if cur.fetchall() != [("grace",)]:
                failures.append("server does not see the shell's data")
            cur.execute("INSERT INTO accounts (id, owner) VALUES (8, 'heidi')")
            conn.close()
        r = subprocess.run([binary, "shell", "--data-dir", data_dir],
                           input="SELECT owner FROM accounts WHERE id >= 7 ORDER BY id;",
                           capture_output=True, text=True, timeout=60)
        compare("shell sees server's data", " owner \n-------\n grace\n heidi\n(2 rows)\n\n", r.stdout)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    r = subprocess.run([binary, "--help"], capture_output=True, text=True, timeout=30)
    for word in ["serve", "shell", "--data-dir", "--port", "--http-port"]:
        if word not in r.stdout:
            failures.append("--help does not mention " + word)
    r = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True, timeout=30)
    for flag in ["--data-dir", "--port", "--http-port"]:
        if flag not in r.stdout:
            failures.append("serve --help does not mention " + flag)
    return report(failures)


if __name__ == "__main__":
    sys.exit(main())
