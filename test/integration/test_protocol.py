"""Raw PostgreSQL protocol against `omendb serve`: well-formed exchanges get the exact
messages PostgreSQL sends, and malformed or hostile input gets an error or a closed connection,
never a crash: the server keeps serving other clients throughout."""
import random
import socket
import struct
import sys

import psycopg2

from harness import OmenServer, binary_from_argv, report

failures = []


def check(name, ok, detail=""):
    if not ok:
        failures.append(name + (": " + str(detail) if detail else ""))


def startup(user="postgres", database="postgres"):
    params = b"user\0" + user.encode() + b"\0database\0" + database.encode() + b"\0\0"
    return struct.pack("!ii", 8 + len(params), 196608) + params


def message(kind, payload=b""):
    return kind + struct.pack("!i", 4 + len(payload)) + payload


def read_messages(sock, until=b"Z"):
    """Reads backend messages until one of type `until` (or EOF); returns [(type, payload)]."""
    msgs, buf = [], b""
    sock.settimeout(10)
    while True:
        while len(buf) >= 5:
            kind, length = buf[:1], struct.unpack("!i", buf[1:5])[0]
            if len(buf) < 1 + length:
                break
            msgs.append((kind, buf[5:1 + length]))
            buf = buf[1 + length:]
            if kind == until:
                return msgs
        chunk = sock.recv(65536)
        if not chunk:
            return msgs
        buf += chunk


def connect(server):
    return socket.create_connection(("127.0.0.1", server.port), timeout=10)


def fields(payload):
    out = {}
    for part in payload.split(b"\0"):
        if part:
            out[chr(part[0])] = part[1:].decode()
    return out


def still_serving(server, name):
    try:
        c = psycopg2.connect(server.dsn(), connect_timeout=10)
        c.autocommit = True
        cur = c.cursor()
        cur.execute("SELECT 40 + 2")
        check(name + ": server still answers", cur.fetchall() == [(42,)])
        c.close()
    except psycopg2.Error as e:
        check(name + ": server still answers", False, e)


def parse(name, query, oids=()):
    return message(b"P", name + b"\0" + query + b"\0" + struct.pack("!h", len(oids)) +
                   b"".join(struct.pack("!i", o) for o in oids))


def bind(portal, stmt, params=(), param_formats=(), result_formats=()):
    body = portal + b"\0" + stmt + b"\0" + struct.pack("!h", len(param_formats))
    body += b"".join(struct.pack("!h", f) for f in param_formats)
    body += struct.pack("!h", len(params))
    for p in params:
        body += struct.pack("!i", -1) if p is None else struct.pack("!i", len(p)) + p
    body += struct.pack("!h", len(result_formats))
    return message(b"B", body + b"".join(struct.pack("!h", f) for f in result_formats))


def describe(kind, name):
    return message(b"D", kind + name + b"\0")


def execute(portal, max_rows=0):
    return message(b"E", portal + b"\0" + struct.pack("!i", max_rows))


def close(kind, name):
    return message(b"C", kind + name + b"\0")


SYNC = message(b"S")


def row(*values):
    out = struct.pack("!h", len(values))
    for v in values:
        out += struct.pack("!i", -1) if v is None else struct.pack("!i", len(v)) + v
    return out


def summary(msgs):
    """Messages as comparable strings: errors by SQLSTATE, DataRows and tags by content."""
    out = []
    for k, p in msgs:
        if k in (b"E", b"N"):
            out.append(k.decode() + ":" + fields(p).get("C", ""))
        elif k in (b"D", b"C", b"Z", b"t"):
            out.append(k.decode() + ":" + repr(p))
        else:
            out.append(k.decode())
    return out


def extended_protocol(s):
    """Extended-protocol exchanges with the messages PostgreSQL 15 answers (recorded from it,
    except that RowDescription's table OID and column number are 0 here)."""
    def exchange(name, data, expected, until=b"Z"):
        s.sendall(data)
        got = summary(read_messages(s, until))
        check("extended: " + name, got == expected, got)

    def D(*values):
        return "D:" + repr(row(*values))

    def C(tag):
        return "C:" + repr(tag.encode() + b"\0")

    Z_I, Z_T, Z_E = "Z:b'I'", "Z:b'T'", "Z:b'E'"
    exchange("setup", message(b"Q", b"CREATE TABLE pt (id int PRIMARY KEY, name text); "
                                     b"INSERT INTO pt VALUES (1,'a'),(2,'b'),(3,'c'),(4,'d'),(5,'e')\0"),
             [C("CREATE TABLE"), C("INSERT 0 5"), Z_I])
    # Execute with a row limit suspends the portal; the tag counts the last Execute's rows.
    exchange("portal suspended",
             parse(b"", b"SELECT id FROM pt ORDER BY id") + bind(b"", b"") + execute(b"", 2) +
             execute(b"", 2) + execute(b"", 2) + execute(b"", 2) + SYNC,
             ["1", "2", D(b"1"), D(b"2"), "s", D(b"3"), D(b"4"), "s", D(b"5"), C("SELECT 1"),
              C("SELECT 0"), Z_I])
    exchange("portal suspended at exactly its rows",
             parse(b"", b"SELECT id FROM pt WHERE id < 3 ORDER BY id") + bind(b"", b"") +
             execute(b"", 2) + execute(b"", 2) + SYNC,
             ["1", "2", D(b"1"), D(b"2"), "s", C("SELECT 0"), Z_I])
    # Parameter types: declared (int8) and inferred (int4 from the column).
    exchange("describe statement",
             parse(b"s1", b"SELECT name, $2::int8 FROM pt WHERE id = $1") + describe(b"S", b"s1") + SYNC,
             ["1", "t:" + repr(struct.pack("!hii", 2, 23, 20)), "T", Z_I])
    exchange("insert with parameters",
             parse(b"s2", b"INSERT INTO pt VALUES ($1, $2)") + describe(b"S", b"s2") +
             bind(b"", b"s2", [b"9", b"z"]) + describe(b"P", b"") + execute(b"") + SYNC,
             ["1", "t:" + repr(struct.pack("!hii", 2, 23, 25)), "n", "2", "n", C("INSERT 0 1"), Z_I])
    exchange("binary parameters and results",
             bind(b"", b"s1", [struct.pack("!i", 2), struct.pack("!q", 7)], [1], [1]) +
             execute(b"") + SYNC,
             ["2", D(b"b", struct.pack("!q", 7)), C("SELECT 1"), Z_I])
    exchange("text parameters, NULL", bind(b"", b"s1", [b"3", None]) + execute(b"") + SYNC,
             ["2", D(b"c", None), C("SELECT 1"), Z_I])
    exchange("binary value too short",
             bind(b"", b"s1", [struct.pack("!h", 2), struct.pack("!q", 7)], [1]) + execute(b"") + SYNC,
             ["E:08P01", Z_I])
    exchange("binary value too long",
             bind(b"", b"s1", [struct.pack("!q", 2), struct.pack("!q", 7)], [1]) + execute(b"") + SYNC,
             ["E:22P03", Z_I])
    exchange("declared int2 range",
             parse(b"", b"SELECT $1", [21]) + bind(b"", b"", [b"40000"]) + SYNC, ["1", "E:22003", Z_I])
    exchange("parameter count", bind(b"", b"s1", [b"1"]) + execute(b"") + SYNC, ["E:08P01", Z_I])
    exchange("bad text parameter", bind(b"", b"s1", [b"x", b"1"]) + execute(b"") + SYNC,
             ["E:22P02", Z_I])
    exchange("result format count", parse(b"", b"SELECT 1, 2") + bind(b"", b"", result_formats=[1, 0, 1]) + SYNC,
             ["1", "E:08P01", Z_I])
    exchange("duplicate statement", parse(b"s1", b"SELECT 1") + SYNC, ["E:42P05", Z_I])
    exchange("several statements", parse(b"", b"SELECT 1; SELECT 2") + SYNC, ["E:42601", Z_I])
    exchange("empty query", parse(b"", b"") + bind(b"", b"") + describe(b"P", b"") + execute(b"") + SYNC,
             ["1", "2", "n", "I", Z_I])
    exchange("no such portal", execute(b"nope") + SYNC, ["E:34000", Z_I])
    exchange("no such statement", bind(b"", b"nope") + SYNC, ["E:26000", Z_I])
    exchange("describe missing statement", describe(b"S", b"nope") + SYNC, ["E:26000", Z_I])
    exchange("close", close(b"S", b"s1") + close(b"S", b"nope") + close(b"P", b"nope") + SYNC,
             ["3", "3", "3", Z_I])
    exchange("untyped parameter is text", parse(b"", b"SELECT $1") + describe(b"S", b"") + SYNC,
             ["1", "t:" + repr(struct.pack("!hi", 1, 25)), "T", Z_I])
    exchange("undetermined parameter", parse(b"", b"SELECT $2::int") + SYNC, ["E:42P18", Z_I])
    exchange("undetermined parameter (IS NULL)", parse(b"", b"SELECT $1 IS NULL") + SYNC,
             ["E:42P18", Z_I])
    # Transactions: an error in a block fails it; only its end is accepted; Sync keeps it.
    exchange("error in a block",
             parse(b"", b"BEGIN") + bind(b"", b"") + execute(b"") + parse(b"", b"SELECT 1/0") +
             bind(b"", b"") + execute(b"") + SYNC,
             ["1", "2", C("BEGIN"), "1", "2", "E:22012", Z_E])
    exchange("failed block refuses Parse", parse(b"", b"SELECT 1") + SYNC, ["E:25P02", Z_E])
    exchange("failed block accepts ROLLBACK",
             parse(b"", b"ROLLBACK") + bind(b"", b"") + execute(b"") + SYNC,
             ["1", "2", C("ROLLBACK"), Z_I])
    exchange("SHOW", parse(b"", b"SHOW transaction_isolation") + bind(b"", b"") + describe(b"P", b"") +
             execute(b"") + SYNC, ["1", "2", "T", D(b"read committed"), C("SHOW"), Z_I])
    exchange("portal run twice", parse(b"", b"SELECT 1") + bind(b"", b"") + execute(b"") + execute(b"") + SYNC,
             ["1", "2", D(b"1"), C("SELECT 1"), C("SELECT 0"), Z_I])
    # The implicit transaction ends at Sync: an error rolls back every Execute since the last.
    exchange("error rolls back to the last Sync",
             parse(b"ins", b"INSERT INTO pt VALUES ($1, 'x')") + bind(b"", b"ins", [b"20"]) +
             execute(b"") + bind(b"", b"ins", [b"1"]) + execute(b"") + SYNC,
             ["1", "2", C("INSERT 0 1"), "2", "E:23505", Z_I])
    exchange("messages after an error skipped until Sync",
             bind(b"", b"nope") + parse(b"", b"SELECT 1") + bind(b"", b"") + execute(b"") + SYNC,
             ["E:26000", Z_I])
    exchange("nothing of the failed batch stayed",
             message(b"Q", b"SELECT count(*) FROM pt WHERE id = 20\0"), ["T", D(b"0"), C("SELECT 1"), Z_I])
    exchange("BEGIN", message(b"Q", b"BEGIN\0"), [C("BEGIN"), Z_T])
    exchange("explicit block spans Syncs", bind(b"", b"ins", [b"21"]) + execute(b"") + SYNC,
             ["2", C("INSERT 0 1"), Z_T])
    exchange("commit", message(b"Q", b"COMMIT; SELECT count(*) FROM pt WHERE id = 21\0"),
             [C("COMMIT"), "T", D(b"1"), C("SELECT 1"), Z_I])
    exchange("malformed Bind", message(b"B", b"\0\0\0\x05") + SYNC, ["E:08P01", Z_I])
    exchange("bad format code", parse(b"", b"SELECT 1") + bind(b"", b"", result_formats=[7]) + SYNC,
             ["1", "E:08P01", Z_I])
    exchange("Flush answers without Sync", parse(b"", b"SELECT 1") + message(b"H"), ["1"],
             until=b"1")
    exchange("then Sync", SYNC, [Z_I])


def peak_rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def streaming(server):
    """A large result streams to the client while the statement runs: the server's peak
    memory stays far below the result's size (2M rows, about 150 MB on the wire), and a
    client that reads slowly holds the statement back rather than the server buffering."""
    s = connect(server)
    s.sendall(startup())
    read_messages(s)
    before = peak_rss_kb(server.proc.pid)
    s.sendall(message(b"Q", b"SELECT g, repeat('x', 100) FROM generate_series(1, 1000000) g\0"))
    rows, wire, buf, pos, done = 0, 0, bytearray(), 0, False
    s.settimeout(60)
    while not done:
        chunk = s.recv(1 << 20)
        if not chunk:
            break
        wire += len(chunk)
        del buf[:pos]
        pos = 0
        buf += chunk
        while len(buf) - pos >= 5:
            length = struct.unpack_from("!i", buf, pos + 1)[0]
            if len(buf) - pos < 1 + length:
                break
            kind = buf[pos]
            rows += kind == ord("D")
            done = done or kind == ord("Z")
            pos += 1 + length
    grown = peak_rss_kb(server.proc.pid) - before
    check("streamed every row", rows == 1000000, rows)
    check("server memory while streaming %d MB" % (wire >> 20), grown < 48 * 1024,
          "peak RSS grew by %d kB" % grown)
    s.close()


def main():
    with OmenServer(binary_from_argv()) as server:
        streaming(server)
        # SSLRequest is declined with 'N'; the startup then proceeds in plaintext.
        s = connect(server)
        s.sendall(struct.pack("!ii", 8, 80877103))
        check("SSLRequest answered N", s.recv(1) == b"N")
        s.sendall(startup())
        msgs = read_messages(s)
        kinds = [k for k, _ in msgs]
        check("startup sequence", kinds[0] == b"R" and msgs[0][1] == struct.pack("!i", 0)
              and b"S" in kinds and b"K" in kinds and kinds[-1] == b"Z", kinds)
        params = dict(p[1].split(b"\0")[:2] for p in msgs if p[0] == b"S")
        check("server_version", params.get(b"server_version") == b"15.0", params)
        check("client_encoding", params.get(b"client_encoding") == b"UTF8", params)
        check("ReadyForQuery idle", msgs[-1][1] == b"I")

        # Simple query: RowDescription, DataRows, CommandComplete, ReadyForQuery.
        s.sendall(message(b"Q", b"SELECT 1 AS a, NULL::text AS b; SELECT 'x'\0"))
        msgs = read_messages(s)
        check("two result sets", [k for k, _ in msgs] == [b"T", b"D", b"C", b"T", b"D", b"C", b"Z"],
              [k for k, _ in msgs])
        check("DataRow with NULL", msgs[1][1] == struct.pack("!hi", 2, 1) + b"1" + struct.pack("!i", -1))
        check("CommandComplete tag", msgs[2][1] == b"SELECT 1\0")
        # Empty query.
        s.sendall(message(b"Q", b"  ;  \0"))
        check("EmptyQueryResponse", [k for k, _ in read_messages(s)] == [b"I", b"Z"])
        # Error fields.
        s.sendall(message(b"Q", b"SELECT nope\0"))
        msgs = read_messages(s)
        f = fields(msgs[0][1])
        check("ErrorResponse fields", msgs[0][0] == b"E" and f.get("C") == "42703" and
              f.get("S") == "ERROR" and f.get("P") == "8", f)
        check("ReadyForQuery after error", msgs[-1][0] == b"Z")
        extended_protocol(s)
        # Terminate closes the connection.
        s.sendall(message(b"X"))
        s.settimeout(10)
        check("Terminate closes", s.recv(1) == b"")
        s.close()

        # Refused startups: unknown role, unknown database, bad protocol version.
        for name, packet, code in [
                ("unknown role", startup(user="mallory"), "28000"),
                ("unknown database", startup(database="nope"), "3D000"),
                ("protocol 2", struct.pack("!ii", 8, 131072), "0A000")]:
            s = connect(server)
            s.sendall(packet)
            msgs = read_messages(s, until=b"E")
            check(name, msgs and msgs[-1][0] == b"E" and fields(msgs[-1][1]).get("C") == code, msgs)
            check(name + " FATAL", msgs and fields(msgs[-1][1]).get("S") == "FATAL", msgs)
            s.close()

        # Hostile input: bad lengths, unknown message types, random bytes, abrupt closes.
        hostile = [
            struct.pack("!i", 3),                                  # startup length too small
            struct.pack("!i", 100000000),                          # startup length too large
            startup() + b"\x00\x00",                               # junk after startup
            startup() + message(b"Q", b"SELECT 1"),                # query without NUL
            startup() + b"Q" + struct.pack("!i", 2),               # message length too small
            startup() + b"Q" + struct.pack("!i", 0x7fffffff),      # message length too large
            startup() + message(b"?", b"whatever"),                # unknown message type
            struct.pack("!ii", 20, 196608) + b"user\0postgres",    # unterminated parameters
            b"",                                                   # connect and close
        ]
        rng = random.Random(7)
        for _ in range(40):
            hostile.append(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))))
            hostile.append(startup() + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))))
        for i, data in enumerate(hostile):
            try:
                s = connect(server)
                s.sendall(data)
                s.shutdown(socket.SHUT_WR)
                read_messages(s, until=b"never")
            except OSError:
                pass
            finally:
                s.close()
        still_serving(server, "after %d hostile connections" % len(hostile))
        check("server process alive", server.proc.poll() is None)
    return report(failures)


if __name__ == "__main__":
    sys.exit(main())
