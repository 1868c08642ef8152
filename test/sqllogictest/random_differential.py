#!/usr/bin/env python3
"""Random differential test of expressions against PostgreSQL (a development tool, not in CI).

    random_differential.py OMENDB_BINARY "host=... port=... user=postgres dbname=postgres" SEED SECONDS

Generates random expressions over a small table (arithmetic, comparisons, AND/OR/NOT, IN,
LIKE, CASE, COALESCE, GREATEST, string functions, NULLs, overflow and division by zero), runs
each query on a fresh `omendb serve` and on PostgreSQL, and prints the queries whose results or
SQLSTATEs differ. Pairs where both fail with a data error (22xxx) are not counted: which row or
operand fails first depends on evaluation order, which SQL leaves open."""
import random, sys, time
import psycopg2, psycopg2.extensions
for oid in (16, 20, 21, 23, 25, 700, 701, 1700, 705):
    psycopg2.extensions.register_type(psycopg2.extensions.new_type((oid,), "R%d"%oid, lambda v, c: v))
import os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from harness import OmenServer
BINARY, DSN = sys.argv[1], sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
cols = {'i': 'int', 'b': 'big', 'f': 'dbl', 's': 'text', 'q': 'bool'}
def lit(t):
    if t == 'int': return rng.choice(['0','1','-1','7','2147483647','-2147483648','NULL'])
    if t == 'big': return rng.choice(['0','3000000000','-5','NULL'])
    if t == 'dbl': return rng.choice(['0.5::float8',"'NaN'::float8",'1e300::float8','-0.0::float8','NULL::float8','2.0::float8'])
    if t == 'text': return rng.choice(["'a'","''","'abc'","NULL::text","'A%'"])
    return rng.choice(['true','false','NULL::boolean'])
def expr(t, d=0):
    if d > 3 or rng.random() < 0.3:
        c = [k for k, v in cols.items() if v == t]
        return rng.choice(c) if c and rng.random() < 0.6 else lit(t)
    if t in ('int','big','dbl'):
        op = rng.choice(['+','-','*','/','%']) if t != 'dbl' else rng.choice(['+','-','*','/'])
        r = rng.random()
        if r < 0.6: return '(%s %s %s)' % (expr(t,d+1), op, expr(t,d+1))
        if r < 0.7: return 'abs(%s)' % expr(t,d+1)
        if r < 0.8: return 'COALESCE(%s, %s)' % (expr(t,d+1), expr(t,d+1))
        if r < 0.9: return 'CASE WHEN %s THEN %s ELSE %s END' % (expr('bool',d+1), expr(t,d+1), expr(t,d+1))
        return 'GREATEST(%s, %s)' % (expr(t,d+1), expr(t,d+1))
    if t == 'text':
        r = rng.random()
        if r < 0.3: return '(%s || %s)' % (expr('text',d+1), expr('text',d+1))
        if r < 0.5: return 'upper(%s)' % expr('text',d+1)
        if r < 0.7: return 'substr(%s, %s, 2)' % (expr('text',d+1), rng.choice(['1','2','0','-1']))
        return 'COALESCE(%s, %s)' % (expr('text',d+1), expr('text',d+1))
    r = rng.random()
    t2 = rng.choice(['int','big','dbl','text'])
    if r < 0.3: return '(%s %s %s)' % (expr(t2,d+1), rng.choice(['=','<>','<','<=','>','>=']), expr(t2,d+1))
    if r < 0.5: return '(%s %s %s)' % (expr('bool',d+1), rng.choice(['AND','OR']), expr('bool',d+1))
    if r < 0.6: return '(NOT %s)' % expr('bool',d+1)
    if r < 0.7: return '(%s IS NULL)' % expr(t2,d+1)
    if r < 0.8: return '(%s IN (%s, %s))' % (expr(t2,d+1), expr(t2,d+1), expr(t2,d+1))
    if r < 0.9: return "(%s LIKE %s)" % (expr('text',d+1), lit('text'))
    return '(%s IS DISTINCT FROM %s)' % (expr(t2,d+1), expr(t2,d+1))
setup = ["CREATE TABLE r (id integer PRIMARY KEY, i integer, b bigint, f double precision, s text, q boolean)",
         "INSERT INTO r VALUES (1, 5, 10, 1.5, 'abc', true), (2, NULL, -3, NULL, 'A', false), (3, 0, 3000000000, 'NaN', '', NULL), (4, -7, NULL, -2.25, NULL, true)"]
def run(conn, sql):
    cur = conn.cursor()
    try:
        cur.execute(sql)
        return ('ok', sorted(cur.fetchall(), key=lambda r: [str(x) for x in r]))
    except psycopg2.Error as e:
        return ('err', e.pgcode)
with OmenServer(BINARY) as srv:
    om = psycopg2.connect(srv.dsn()); om.autocommit = True
    pg = psycopg2.connect(DSN); pg.autocommit = True
    pg.cursor().execute('DROP TABLE IF EXISTS r')
    for s in setup:
        om.cursor().execute(s); pg.cursor().execute(s)
    diffs = 0; n = 0; unsupported = 0
    deadline = time.time() + float(sys.argv[4] if len(sys.argv) > 4 else 30)
    while time.time() < deadline:
        t = rng.choice(['int','big','dbl','text','bool'])
        e = expr(t)
        sql = 'SELECT id, %s FROM r WHERE %s' % (e, expr('bool')) if rng.random() < 0.5 else 'SELECT id, %s FROM r' % e
        a, b = run(om, sql), run(pg, sql)
        n += 1
        if a[0] == 'err' and a[1] == '0A000': unsupported += 1; continue
        if a != b:
            if a[0] == 'err' and b[0] == 'err' and a[1].startswith('22') and b[1].startswith('22'):
                continue  # both fail with a data error; which row/operand fails first may differ
            diffs += 1
            if diffs <= 8: print('DIFF', sql, '\n  omen:', a, '\n  pg:  ', b)
    print('%d queries, %d differences, %d unsupported' % (n, diffs, unsupported))
    pg.cursor().execute('DROP TABLE r')
