#!/usr/bin/env python3
"""Fails (exit 1) when a source file under src/ includes a header of a layer it may not use.

CMake already refuses to link a library against a layer above it; this check also catches a
header-only reach-around. ALLOWED mirrors the DEPS of each omendb_add_library call (direct and
transitive); keep both in step when a layer gains a dependency."""
import os
import re
import sys

ALLOWED = {
    "common": set(),
    "index": {"common"},
    "types": {"common"},
    "catalog": {"types", "common"},
    "storage": {"catalog", "types", "common", "index"},
    "sql/parser": {"types", "common"},
    "sql/function": {"types", "common"},
    "sql/plan": {"sql/function", "catalog", "types", "common"},
    "sql/binder": {"sql/parser", "sql/plan", "sql/function", "catalog", "types", "common"},
    "sql/optimizer": {"sql/plan", "sql/function", "catalog", "types", "common"},
    "sql/execution": {"sql/plan", "sql/function", "storage", "catalog", "types", "common", "index"},
    "session": {"sql/parser", "sql/binder", "sql/plan", "sql/function", "sql/optimizer",
                "sql/execution", "storage", "catalog", "types", "common", "index", "omendb"},
    # The servers talk to sessions only: never to storage or the SQL layers directly.
    "server/net": {"common"},
    "server/pgwire": {"server/net", "session", "catalog", "types", "common"},
    "server/http": {"server/net", "session", "catalog", "types", "common"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of(path):
    best = None
    for layer in ALLOWED:
        if path == layer or path.startswith(layer + "/"):
            if best is None or len(layer) > len(best):
                best = layer
    return best


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
    errors = []
    for dirpath, _, files in os.walk(root):
        for f in files:
            # Tests are not part of their layer's library: a test may build its input with
            # higher layers (the optimizer's test binds SQL), linking them explicitly.
            if not f.endswith((".h", ".cc")) or f.endswith("_test.cc"):
                continue
            full = os.path.join(dirpath, f)
            rel = os.path.relpath(full, root)
            layer = layer_of(os.path.dirname(rel))
            if layer is None:
                errors.append("%s: folder is not a known layer (add it to %s)" % (rel, __file__))
                continue
            for n, line in enumerate(open(full, encoding="utf-8"), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = layer_of(os.path.dirname(m.group(1)))
                if target is None or target == layer:
                    continue  # generated headers (pg_query.pb.h) or the layer's own
                if target not in ALLOWED[layer]:
                    errors.append("src/%s:%d: layer %s may not include %s" %
                                  (rel, n, layer, m.group(1)))
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
