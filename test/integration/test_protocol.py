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


def main():
    with OmenServer(binary_from_argv()) as server:
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
        # Extended protocol: one 0A000 error, the rest skipped until Sync, then ReadyForQuery.
        s.sendall(message(b"P", b"\0SELECT 1\0\0\0") + message(b"B", b"\0\0\0\0\0\0\0\0") +
                  message(b"E", b"\0\0\0\0\0") + message(b"S"))
        msgs = read_messages(s)
        check("extended protocol refused once", [k for k, _ in msgs] == [b"E", b"Z"] and
              fields(msgs[0][1]).get("C") == "0A000", msgs)
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
