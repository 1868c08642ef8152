-- Integer types, real, double precision and numeric: literals, casts, arithmetic, overflow,
-- rounding, NaN/Infinity, comparisons, functions, over constants and over the schema's columns.
SELECT 1::smallint, -32768::smallint, 32767::smallint, 2147483647, -2147483648, 9223372036854775807, -9223372036854775808
;;
SELECT 32768::smallint
;;
SELECT '-32769'::smallint
;;
SELECT 2147483648::integer
;;
SELECT '9223372036854775808'::bigint
;;
SELECT ' 42 '::integer, '+7'::smallint, '-0'::bigint
;;
SELECT '4 2'::integer
;;
SELECT ''::integer
;;
SELECT '1.5'::integer
;;
SELECT 1.5::integer, 2.5::integer, -2.5::integer, 0.5::smallint, -0.5::bigint
;;
SELECT 2.5::float8::integer, 3.5::float8::integer, (-2.5)::float8::bigint, 0.5::real::smallint
;;
SELECT 'NaN'::float8::integer
;;
SELECT 'Infinity'::float8::bigint
;;
SELECT 1e10::float8::integer
;;
SELECT 9.2233720368547758e18::float8::bigint
;;
SELECT 7 / 2, -7 / 2, 7 / -2, 7 % 3, -7 % 3, 7 % -3
;;
SELECT 7::smallint / 2::smallint, (-7)::bigint / 2, 7::bigint % -3::bigint
;;
SELECT 1 / 0
;;
SELECT 1::bigint % 0::bigint
;;
SELECT 5::smallint / 0::smallint
;;
SELECT 2147483647 + 1
;;
SELECT -2147483648 - 1
;;
SELECT 2147483647 * 2
;;
SELECT (-2147483648) / -1
;;
SELECT (-2147483648) % -1
;;
SELECT (-9223372036854775808)::bigint / -1
;;
SELECT 9223372036854775807 + 1
;;
SELECT (-32768)::smallint * -1::smallint
;;
SELECT 32767::smallint + 1
;;
SELECT -(-2147483648)
;;
SELECT abs(-2147483648)
;;
SELECT abs(-9223372036854775807), abs(-32767::smallint), abs(-0.0::float8), abs(-1.5::real)
;;
SELECT abs((-32768)::smallint)
;;
SELECT abs((-9223372036854775807 - 1)::bigint)
;;
SELECT pg_typeof(abs(1::smallint))::text, abs(-7::smallint) + 32760::smallint
;;
SELECT 2147483647::bigint * 2147483647, 1::smallint + 1::bigint, 100::smallint * 100::smallint
;;
SELECT 3000000000 * 4
;;
SELECT pg_typeof(1::smallint + 1::smallint)::text, pg_typeof(1 + 1::bigint)::text, pg_typeof(1 + 1.0)::text, pg_typeof(1::real + 1)::text, pg_typeof(1::real * 1.5)::text
;;
SELECT 0.1 + 0.2, 0.1::float8 + 0.2::float8, 0.1::real + 0.2::real
;;
SELECT 1.0 / 3, 2.0 / 3, 1 / 3.0, 10.0 / 4, 1::numeric / 7
;;
SELECT 1e-10 / 3, 123456789012345678901234567890 / 7, 1 / 1e20
;;
SELECT 1.5 * 2.25, 1.10 * 1.10, -0.001 * 1000, 99999999999999999999 * 99999999999999999999
;;
SELECT 10.5 % 3, -10.5 % 3, 10 % 3.3, 0.0 % 5
;;
SELECT 1.0 / 0
;;
SELECT 1.5 % 0
;;
SELECT 1::float8 / 0
;;
SELECT 0::float8 / 0::float8
;;
SELECT 1::real / 0::real
;;
SELECT 'NaN'::float8 / 0
;;
SELECT 1e308::float8 * 10
;;
SELECT 1e-308::float8 * 1e-308
;;
SELECT 3.4e38::real * 10::real
;;
SELECT 'Infinity'::float8 + 1, 'Infinity'::float8 - 'Infinity'::float8, 'Infinity'::float8 * 0, -'Infinity'::float8
;;
SELECT 'NaN'::float8 = 'NaN'::float8, 'NaN'::float8 > 'Infinity'::float8, 'NaN'::real < 0, 'Infinity'::float8 > 1e308
;;
SELECT '-0'::float8 = 0::float8, '-0'::float8, -0.0::float8, 0::float8 * -1
;;
SELECT 'inf'::float8, '-INF'::float8, 'nan'::real, 'infinity'::real, '  1.5  '::float8, '1e-400'::float8
;;
SELECT '1e400'::float8
;;
SELECT 'abc'::float8
;;
SELECT '1e39'::real
;;
SELECT 1.0e-50::real
;;
SELECT 1e-46::real
;;
SELECT 1::real / 3, 2::float8 / 3, 1e15::float8, 1e16::float8, 123456789012345678::float8, 1e-5::float8, 0.0001::float8
;;
SELECT 1.1::real, 1.1::real::float8, 16777217::real, 0.3::real * 3, 3.14159265358979::real
;;
SELECT 'NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric, 'nan'::numeric + 1, 'inf'::numeric * -1
;;
SELECT 'Infinity'::numeric - 'Infinity'::numeric, 'Infinity'::numeric * 0
;;
SELECT 'Infinity'::numeric / 0
;;
SELECT 'NaN'::numeric / 0
;;
SELECT 1::numeric / 'Infinity', 'NaN'::numeric = 'NaN'::numeric, 'NaN'::numeric > 'Infinity'::numeric
;;
SELECT 'x1'::numeric
;;
SELECT ' 12.50 '::numeric, '-.5'::numeric, '5.'::numeric, '1e-3'::numeric, '1E+3'::numeric, '0000.000100'::numeric
;;
SELECT 123.456::numeric(5,2), 0.005::numeric(3,2), -0.005::numeric(3,2), 99.995::numeric(4,2)
;;
SELECT 99.995::numeric(5,2), 1e2::numeric(3,0), 12345.678::numeric(10,-2)
;;
SELECT 999.995::numeric(5,2)
;;
SELECT 'NaN'::numeric(5,2), 'Infinity'::numeric::float8, '-Infinity'::numeric::real
;;
SELECT 'Infinity'::numeric(5,2)
;;
SELECT 1.23456789012345678::float8::numeric, 0.1::real::numeric, 1e300::float8::numeric(5,1)
;;
SELECT 'NaN'::float8::numeric, 'Infinity'::real::numeric
;;
SELECT 12345678901234567890::numeric::bigint
;;
SELECT 9223372036854775807.4::bigint, -9223372036854775808.4::bigint
;;
SELECT 9223372036854775807.5::bigint
;;
SELECT 'NaN'::numeric::integer
;;
SELECT 'Infinity'::numeric::bigint
;;
SELECT round(2.5), round(-2.5), round(2.4999), round(1.2345, 2), round(1234.5, -2), round(-0.5)
;;
SELECT round(2.5::float8), round(-2.5::float8), round(3.5::float8), round(0.5::real), round('NaN'::numeric), round('Infinity'::float8)
;;
SELECT round(123.456, 5), round(0.0, 3), round(1e-20, 25), round(15, -1), round(25, -1)
;;
SELECT trunc(2.9), trunc(-2.9), trunc(1.2399, 2), trunc(1999, -3), trunc(-2.9::float8), trunc('Infinity'::numeric)
;;
SELECT ceil(1.1), ceil(-1.1), floor(1.9), floor(-1.9), ceiling(0.0), ceil(-0.5::float8), floor(2.5::real)
;;
SELECT sign(-5), sign(0.0), sign(7.25::float8), sign('-Infinity'::float8), sign('NaN'::numeric), sign(-0.0001)
;;
SELECT mod(7, 3), mod(-7, 3), mod(7::bigint, -3), mod(7.5, 2)
;;
SELECT mod(-7::smallint, 2::smallint)
;;
SELECT mod(5, 0)
;;
SELECT sqrt(16), sqrt(2::float8), sqrt(2.0), sqrt(0.0), sqrt('Infinity'::float8), sqrt(1e-10)
;;
SELECT sqrt(-1)
;;
SELECT sqrt(-1.0)
;;
SELECT cbrt(27), cbrt(-8::float8), cbrt(2)
;;
SELECT power(2, 10), power(-8, 3), power(2::float8, -2), pow(9, 0.5::float8)
;;
SELECT power(2.0, 0.5), power(0.0, 0), power(1.5, 3)
;;
SELECT 2 ^ 3, 2.0 ^ 3, 2::float8 ^ 0.5
;;
SELECT power(0::float8, -1)
;;
SELECT power(-8::float8, 1.0/3)
;;
SELECT power(10::float8, 400)
;;
SELECT exp(0), exp(1::float8), exp(-1000::float8), ln(1), ln(10::float8)
;;
SELECT ln(0)
;;
SELECT ln(-1.0)
;;
SELECT exp(1000::float8)
;;
SELECT log(100), log(1000::float8), log10(1000)
;;
SELECT log(0.001), log(100.0), ln(2.0), exp(1.0)
;;
SELECT log(2, 8), log(2.0, 1024.0)
;;
SELECT log(0::float8)
;;
SELECT pi(), round(pi()::numeric, 10), 355::float8 / 113
;;
SELECT id, i2, i4, i8 FROM everything ORDER BY id
;;
SELECT id, i2 + 1, i4 - 1, i8 * 2 FROM everything WHERE id NOT IN (3, 4) ORDER BY id
;;
SELECT id, i2 + 1 FROM everything ORDER BY id
;;
SELECT id, i8 * 2 FROM everything ORDER BY id
;;
SELECT id, -i4 FROM everything WHERE id <> 4 ORDER BY id
;;
SELECT id, i4 / i2, i4 % i2 FROM everything WHERE i2 <> 0 ORDER BY id
;;
SELECT id, i4 / i2 FROM everything ORDER BY id
;;
SELECT id, i2::integer * 100000, i4::bigint * 4294967296, i8::numeric * i8 FROM everything ORDER BY id
;;
SELECT id, i2::text, i4::text, i8::text, i8::float8, i4::real FROM everything ORDER BY id
;;
SELECT id, f4, f8, f4::float8, f8::real FROM everything WHERE id NOT IN (3, 4, 15) ORDER BY id
;;
SELECT id, f8::real FROM everything WHERE id = 3
;;
SELECT id, f8::real FROM everything WHERE id = 15
;;
SELECT id, f4 * 2, f8 / 2, f4 + f8, f8 - f8 FROM everything WHERE id NOT IN (3, 4, 15) ORDER BY id
;;
SELECT id, f8 * 2 FROM everything ORDER BY id
;;
SELECT id, f4::numeric, f8::numeric FROM everything WHERE id NOT IN (3, 4, 15) ORDER BY id
;;
SELECT id, f4::integer FROM everything WHERE id IN (1, 8, 9, 10, 12, 13, 14) ORDER BY id
;;
SELECT id, f8::bigint FROM everything WHERE id = 14 OR id = 11 ORDER BY id
;;
SELECT id, n, n52, n + n52, n * 2, n - 0.001, -n FROM everything ORDER BY id
;;
SELECT id, n / 3, n52 / 7 FROM everything WHERE id NOT IN (8) ORDER BY id
;;
SELECT id, n / n52 FROM everything WHERE n52 <> 0 ORDER BY id
;;
SELECT id, n::float8, n52::real, n52::integer, n::text FROM everything ORDER BY id
;;
SELECT id, n::integer FROM everything WHERE id IN (1, 8, 9, 10, 12, 13, 14) ORDER BY id
;;
SELECT id, n::numeric(10,3), n52::numeric(4,1) FROM everything WHERE id NOT IN (3, 15) ORDER BY id
;;
SELECT id, n::numeric(10,3) FROM everything WHERE id = 3
;;
SELECT id, round(n, 2), trunc(n, 1), ceil(n52), floor(n52), abs(n52), sign(n) FROM everything ORDER BY id
;;
SELECT id FROM everything WHERE f8 > 0 ORDER BY id
;;
SELECT id FROM everything WHERE f4 < 'Infinity' ORDER BY id
;;
SELECT id FROM everything WHERE n >= 1 ORDER BY id
;;
SELECT id FROM everything WHERE n = 'NaN' OR f8 = 'NaN' ORDER BY id
;;
SELECT id FROM everything WHERE n52 BETWEEN -1 AND 11 ORDER BY id
;;
SELECT id FROM everything WHERE i8 > 2147483647 OR i8 < -2147483648 ORDER BY id
;;
SELECT id FROM everything WHERE i2 = i4 / 10 ORDER BY id
;;
SELECT id FROM everything WHERE f8 = 0.1 OR f4 = 0.1 ORDER BY id
;;
SELECT id FROM everything WHERE f4 = 0.1::real ORDER BY id
;;
SELECT id, f8 FROM everything ORDER BY f8, id
;;
SELECT id, f4 FROM everything ORDER BY f4 DESC NULLS LAST, id
;;
SELECT id, n FROM everything ORDER BY n NULLS FIRST, id
;;
SELECT id, n52 FROM everything ORDER BY n52 DESC, id
;;
SELECT m, label, f FROM measures ORDER BY m
;;
SELECT m, label FROM measures WHERE m = 1.5
;;
SELECT m, label FROM measures WHERE m = 2.5000 OR m = 3 ORDER BY m
;;
SELECT m FROM measures WHERE m > 1.5 AND m < 1000 ORDER BY m DESC
;;
SELECT m FROM measures WHERE m BETWEEN -1e30 AND 0 ORDER BY m
;;
SELECT m, m::float8 = f FROM measures ORDER BY m
;;
SELECT m * 2, m / 10, m % 1 FROM measures WHERE m > -1e30 AND m < 1e30 ORDER BY m
;;
SELECT k, k + 1 FROM big_keys WHERE k < 9223372036854775807 ORDER BY k
;;
SELECT k - 1 FROM big_keys WHERE k = -9223372036854775808
;;
SELECT k, amount, amount * k FROM big_keys WHERE k BETWEEN -10 AND 10 ORDER BY k
;;
SELECT k FROM big_keys WHERE k IN (0, 42, 9223372036854775807, 5) ORDER BY k
;;
SELECT k FROM big_keys WHERE k >= 4294967296 ORDER BY k
;;
SELECT k FROM big_keys WHERE k > 1.5 AND k < 100.5 ORDER BY k
;;
SELECT k, k::float8, k::numeric / 3 FROM big_keys ORDER BY k
;;
SELECT k::integer FROM big_keys WHERE k = 4294967296
;;
SELECT k::smallint FROM big_keys WHERE k BETWEEN -1 AND 42 ORDER BY k
;;
SELECT 1 = 1.0, 1 < 1.5::float8, 2::smallint = 2::bigint, 1.5::real = 1.5::float8, 3::numeric = 3::float8
;;
SELECT 1 IN (1.0, 2.0), 9223372036854775807 > 9223372036854775806.5, 0.1::float8 > 0.1
;;
SELECT greatest(1, 2.5, -3), least(1, 2.5, -3), greatest(1::float8, 'NaN'), least(1::real, 'NaN'), greatest('Infinity'::numeric, 'NaN')
;;
SELECT 5 BETWEEN 1 AND 10, 5 BETWEEN 10 AND 1, 'NaN'::float8 BETWEEN 0 AND 'Infinity', 5 NOT BETWEEN 5 AND 6
;;
SELECT 5 BETWEEN SYMMETRIC 10 AND 1, 5 NOT BETWEEN SYMMETRIC 10 AND 6
;;
SELECT 1.5e3, 1.5e-3, 1e0, 0e5, .5, 5., 00.1000
;;
SELECT 1::integer::text || '', 1.50::text, 1.5::float8::text, 1e20::float8::text, (-0.0)::numeric::text
;;
SELECT '2147483647'::integer + 0, '9223372036854775807'::bigint - 1, '-32768'::smallint
;;
SELECT 10::smallint % 3::smallint, pg_typeof(10::smallint % 3)::text, -(-32767)::smallint
;;
SELECT 2^62::bigint, 2^0.5, (-2)^2, 2^-1
