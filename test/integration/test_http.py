"""The HTTP port answers health checks with JSON and unknown paths with a JSON 404."""
import json
import sys
import urllib.error
import urllib.request

from harness import OmenServer, binary_from_argv, report


def get(port, path, method="GET"):
    req = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path), method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers.get("Content-Type"), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read().decode()


def main():
    failures = []
    with OmenServer(binary_from_argv()) as server:
        cases = [("/health", "GET", 200, {"status": "ok"}),
                 ("/ready", "GET", 200, {"status": "ready"}),
                 ("/nope", "GET", 404, {"error": "not found"}),
                 ("/health", "POST", 405, {"error": "method not allowed"})]
        for path, method, code, body in cases:
            status, ctype, text = get(server.http_port, path, method)
            if status != code or ctype != "application/json" or json.loads(text) != body:
                failures.append("%s %s -> %s %s %s" % (method, path, status, ctype, text))
    return report(failures)


if __name__ == "__main__":
    sys.exit(main())
