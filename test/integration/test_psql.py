"""psql against `omendb serve`: each psql/*.sql script's output (statements echoed, errors
and notices included) must equal psql/*.expected byte for byte. The expected files were
produced by the same psql command against PostgreSQL 15."""
import difflib
import glob
import os
import subprocess
import sys

from harness import OmenServer, binary_from_argv

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    binary = binary_from_argv()
    failures = 0
    scripts = sorted(glob.glob(os.path.join(HERE, "psql", "*.sql")))
    for script in scripts:
        # Results go to stdout and errors to stderr; merged, their order is psql's own.
        with OmenServer(binary) as server:
            actual = merged_psql(server, script)
        expected = open(script[:-4] + ".expected").read()
        name = os.path.basename(script)
        if actual == expected:
            print("PASS", name)
        else:
            failures += 1
            print("FAIL", name)
            sys.stdout.writelines(difflib.unified_diff(
                expected.splitlines(True), actual.splitlines(True), "expected", "actual"))
    print("%d passed, %d failed" % (len(scripts) - failures, failures))
    return 1 if failures else 0


def merged_psql(server, script):
    # Run from the script's folder so psql's "psql:<file>:<line>:" prefixes match.
    env = dict(os.environ, PGHOST="127.0.0.1", PGPORT=str(server.port), PGUSER="postgres",
               PGDATABASE="postgres")
    r = subprocess.run(["psql", "-X", "-a", "-q", "-f", os.path.basename(script)],
                       cwd=os.path.dirname(script), env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=120)
    return r.stdout


if __name__ == "__main__":
    sys.exit(main())
