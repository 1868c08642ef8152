-- The cast matrix: every column of `everything` cast to every supported type (explicit casts;
-- impossible ones fail with 42846, values that do not fit with 22xxx). Rows that cannot be
-- cast (extreme values) make the whole statement fail, as in PostgreSQL; the second block
-- repeats each cast that fails so over the rows it can convert.
SELECT id, b::boolean FROM everything ORDER BY id
;;
SELECT id, b::smallint FROM everything ORDER BY id
;;
SELECT id, b::integer FROM everything ORDER BY id
;;
SELECT id, b::bigint FROM everything ORDER BY id
;;
SELECT id, b::real FROM everything ORDER BY id
;;
SELECT id, b::double precision FROM everything ORDER BY id
;;
SELECT id, b::numeric FROM everything ORDER BY id
;;
SELECT id, b::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, b::text FROM everything ORDER BY id
;;
SELECT id, b::varchar(3) FROM everything ORDER BY id
;;
SELECT id, b::char(2) FROM everything ORDER BY id
;;
SELECT id, b::bytea FROM everything ORDER BY id
;;
SELECT id, b::date FROM everything ORDER BY id
;;
SELECT id, b::time FROM everything ORDER BY id
;;
SELECT id, b::timestamp FROM everything ORDER BY id
;;
SELECT id, b::timestamptz FROM everything ORDER BY id
;;
SELECT id, b::interval FROM everything ORDER BY id
;;
SELECT id, b::uuid FROM everything ORDER BY id
;;
SELECT id, i2::boolean FROM everything ORDER BY id
;;
SELECT id, i2::smallint FROM everything ORDER BY id
;;
SELECT id, i2::integer FROM everything ORDER BY id
;;
SELECT id, i2::bigint FROM everything ORDER BY id
;;
SELECT id, i2::real FROM everything ORDER BY id
;;
SELECT id, i2::double precision FROM everything ORDER BY id
;;
SELECT id, i2::numeric FROM everything ORDER BY id
;;
SELECT id, i2::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, i2::text FROM everything ORDER BY id
;;
SELECT id, i2::varchar(3) FROM everything ORDER BY id
;;
SELECT id, i2::char(2) FROM everything ORDER BY id
;;
SELECT id, i2::bytea FROM everything ORDER BY id
;;
SELECT id, i2::date FROM everything ORDER BY id
;;
SELECT id, i2::time FROM everything ORDER BY id
;;
SELECT id, i2::timestamp FROM everything ORDER BY id
;;
SELECT id, i2::timestamptz FROM everything ORDER BY id
;;
SELECT id, i2::interval FROM everything ORDER BY id
;;
SELECT id, i2::uuid FROM everything ORDER BY id
;;
SELECT id, i4::boolean FROM everything ORDER BY id
;;
SELECT id, i4::smallint FROM everything ORDER BY id
;;
SELECT id, i4::integer FROM everything ORDER BY id
;;
SELECT id, i4::bigint FROM everything ORDER BY id
;;
SELECT id, i4::real FROM everything ORDER BY id
;;
SELECT id, i4::double precision FROM everything ORDER BY id
;;
SELECT id, i4::numeric FROM everything ORDER BY id
;;
SELECT id, i4::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, i4::text FROM everything ORDER BY id
;;
SELECT id, i4::varchar(3) FROM everything ORDER BY id
;;
SELECT id, i4::char(2) FROM everything ORDER BY id
;;
SELECT id, i4::bytea FROM everything ORDER BY id
;;
SELECT id, i4::date FROM everything ORDER BY id
;;
SELECT id, i4::time FROM everything ORDER BY id
;;
SELECT id, i4::timestamp FROM everything ORDER BY id
;;
SELECT id, i4::timestamptz FROM everything ORDER BY id
;;
SELECT id, i4::interval FROM everything ORDER BY id
;;
SELECT id, i4::uuid FROM everything ORDER BY id
;;
SELECT id, i8::boolean FROM everything ORDER BY id
;;
SELECT id, i8::smallint FROM everything ORDER BY id
;;
SELECT id, i8::integer FROM everything ORDER BY id
;;
SELECT id, i8::bigint FROM everything ORDER BY id
;;
SELECT id, i8::real FROM everything ORDER BY id
;;
SELECT id, i8::double precision FROM everything ORDER BY id
;;
SELECT id, i8::numeric FROM everything ORDER BY id
;;
SELECT id, i8::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, i8::text FROM everything ORDER BY id
;;
SELECT id, i8::varchar(3) FROM everything ORDER BY id
;;
SELECT id, i8::char(2) FROM everything ORDER BY id
;;
SELECT id, i8::bytea FROM everything ORDER BY id
;;
SELECT id, i8::date FROM everything ORDER BY id
;;
SELECT id, i8::time FROM everything ORDER BY id
;;
SELECT id, i8::timestamp FROM everything ORDER BY id
;;
SELECT id, i8::timestamptz FROM everything ORDER BY id
;;
SELECT id, i8::interval FROM everything ORDER BY id
;;
SELECT id, i8::uuid FROM everything ORDER BY id
;;
SELECT id, f4::boolean FROM everything ORDER BY id
;;
SELECT id, f4::smallint FROM everything ORDER BY id
;;
SELECT id, f4::integer FROM everything ORDER BY id
;;
SELECT id, f4::bigint FROM everything ORDER BY id
;;
SELECT id, f4::real FROM everything ORDER BY id
;;
SELECT id, f4::double precision FROM everything ORDER BY id
;;
SELECT id, f4::numeric FROM everything ORDER BY id
;;
SELECT id, f4::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, f4::text FROM everything ORDER BY id
;;
SELECT id, f4::varchar(3) FROM everything ORDER BY id
;;
SELECT id, f4::char(2) FROM everything ORDER BY id
;;
SELECT id, f4::bytea FROM everything ORDER BY id
;;
SELECT id, f4::date FROM everything ORDER BY id
;;
SELECT id, f4::time FROM everything ORDER BY id
;;
SELECT id, f4::timestamp FROM everything ORDER BY id
;;
SELECT id, f4::timestamptz FROM everything ORDER BY id
;;
SELECT id, f4::interval FROM everything ORDER BY id
;;
SELECT id, f4::uuid FROM everything ORDER BY id
;;
SELECT id, f8::boolean FROM everything ORDER BY id
;;
SELECT id, f8::smallint FROM everything ORDER BY id
;;
SELECT id, f8::integer FROM everything ORDER BY id
;;
SELECT id, f8::bigint FROM everything ORDER BY id
;;
SELECT id, f8::real FROM everything ORDER BY id
;;
SELECT id, f8::double precision FROM everything ORDER BY id
;;
SELECT id, f8::numeric FROM everything ORDER BY id
;;
SELECT id, f8::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, f8::text FROM everything ORDER BY id
;;
SELECT id, f8::varchar(3) FROM everything ORDER BY id
;;
SELECT id, f8::char(2) FROM everything ORDER BY id
;;
SELECT id, f8::bytea FROM everything ORDER BY id
;;
SELECT id, f8::date FROM everything ORDER BY id
;;
SELECT id, f8::time FROM everything ORDER BY id
;;
SELECT id, f8::timestamp FROM everything ORDER BY id
;;
SELECT id, f8::timestamptz FROM everything ORDER BY id
;;
SELECT id, f8::interval FROM everything ORDER BY id
;;
SELECT id, f8::uuid FROM everything ORDER BY id
;;
SELECT id, n::boolean FROM everything ORDER BY id
;;
SELECT id, n::smallint FROM everything ORDER BY id
;;
SELECT id, n::integer FROM everything ORDER BY id
;;
SELECT id, n::bigint FROM everything ORDER BY id
;;
SELECT id, n::real FROM everything ORDER BY id
;;
SELECT id, n::double precision FROM everything ORDER BY id
;;
SELECT id, n::numeric FROM everything ORDER BY id
;;
SELECT id, n::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, n::text FROM everything ORDER BY id
;;
SELECT id, n::varchar(3) FROM everything ORDER BY id
;;
SELECT id, n::char(2) FROM everything ORDER BY id
;;
SELECT id, n::bytea FROM everything ORDER BY id
;;
SELECT id, n::date FROM everything ORDER BY id
;;
SELECT id, n::time FROM everything ORDER BY id
;;
SELECT id, n::timestamp FROM everything ORDER BY id
;;
SELECT id, n::timestamptz FROM everything ORDER BY id
;;
SELECT id, n::interval FROM everything ORDER BY id
;;
SELECT id, n::uuid FROM everything ORDER BY id
;;
SELECT id, n52::boolean FROM everything ORDER BY id
;;
SELECT id, n52::smallint FROM everything ORDER BY id
;;
SELECT id, n52::integer FROM everything ORDER BY id
;;
SELECT id, n52::bigint FROM everything ORDER BY id
;;
SELECT id, n52::real FROM everything ORDER BY id
;;
SELECT id, n52::double precision FROM everything ORDER BY id
;;
SELECT id, n52::numeric FROM everything ORDER BY id
;;
SELECT id, n52::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, n52::text FROM everything ORDER BY id
;;
SELECT id, n52::varchar(3) FROM everything ORDER BY id
;;
SELECT id, n52::char(2) FROM everything ORDER BY id
;;
SELECT id, n52::bytea FROM everything ORDER BY id
;;
SELECT id, n52::date FROM everything ORDER BY id
;;
SELECT id, n52::time FROM everything ORDER BY id
;;
SELECT id, n52::timestamp FROM everything ORDER BY id
;;
SELECT id, n52::timestamptz FROM everything ORDER BY id
;;
SELECT id, n52::interval FROM everything ORDER BY id
;;
SELECT id, n52::uuid FROM everything ORDER BY id
;;
SELECT id, t::boolean FROM everything ORDER BY id
;;
SELECT id, t::smallint FROM everything ORDER BY id
;;
SELECT id, t::integer FROM everything ORDER BY id
;;
SELECT id, t::bigint FROM everything ORDER BY id
;;
SELECT id, t::real FROM everything ORDER BY id
;;
SELECT id, t::double precision FROM everything ORDER BY id
;;
SELECT id, t::numeric FROM everything ORDER BY id
;;
SELECT id, t::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, t::text FROM everything ORDER BY id
;;
SELECT id, t::varchar(3) FROM everything ORDER BY id
;;
SELECT id, t::char(2) FROM everything ORDER BY id
;;
SELECT id, t::bytea FROM everything ORDER BY id
;;
SELECT id, t::date FROM everything ORDER BY id
;;
SELECT id, t::time FROM everything ORDER BY id
;;
SELECT id, t::timestamp FROM everything ORDER BY id
;;
SELECT id, t::timestamptz FROM everything ORDER BY id
;;
SELECT id, t::interval FROM everything ORDER BY id
;;
SELECT id, t::uuid FROM everything ORDER BY id
;;
SELECT id, vc::boolean FROM everything ORDER BY id
;;
SELECT id, vc::smallint FROM everything ORDER BY id
;;
SELECT id, vc::integer FROM everything ORDER BY id
;;
SELECT id, vc::bigint FROM everything ORDER BY id
;;
SELECT id, vc::real FROM everything ORDER BY id
;;
SELECT id, vc::double precision FROM everything ORDER BY id
;;
SELECT id, vc::numeric FROM everything ORDER BY id
;;
SELECT id, vc::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, vc::text FROM everything ORDER BY id
;;
SELECT id, vc::varchar(3) FROM everything ORDER BY id
;;
SELECT id, vc::char(2) FROM everything ORDER BY id
;;
SELECT id, vc::bytea FROM everything ORDER BY id
;;
SELECT id, vc::date FROM everything ORDER BY id
;;
SELECT id, vc::time FROM everything ORDER BY id
;;
SELECT id, vc::timestamp FROM everything ORDER BY id
;;
SELECT id, vc::timestamptz FROM everything ORDER BY id
;;
SELECT id, vc::interval FROM everything ORDER BY id
;;
SELECT id, vc::uuid FROM everything ORDER BY id
;;
SELECT id, ch::boolean FROM everything ORDER BY id
;;
SELECT id, ch::smallint FROM everything ORDER BY id
;;
SELECT id, ch::integer FROM everything ORDER BY id
;;
SELECT id, ch::bigint FROM everything ORDER BY id
;;
SELECT id, ch::real FROM everything ORDER BY id
;;
SELECT id, ch::double precision FROM everything ORDER BY id
;;
SELECT id, ch::numeric FROM everything ORDER BY id
;;
SELECT id, ch::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, ch::text FROM everything ORDER BY id
;;
SELECT id, ch::varchar(3) FROM everything ORDER BY id
;;
SELECT id, ch::char(2) FROM everything ORDER BY id
;;
SELECT id, ch::bytea FROM everything ORDER BY id
;;
SELECT id, ch::date FROM everything ORDER BY id
;;
SELECT id, ch::time FROM everything ORDER BY id
;;
SELECT id, ch::timestamp FROM everything ORDER BY id
;;
SELECT id, ch::timestamptz FROM everything ORDER BY id
;;
SELECT id, ch::interval FROM everything ORDER BY id
;;
SELECT id, ch::uuid FROM everything ORDER BY id
;;
SELECT id, by::boolean FROM everything ORDER BY id
;;
SELECT id, by::smallint FROM everything ORDER BY id
;;
SELECT id, by::integer FROM everything ORDER BY id
;;
SELECT id, by::bigint FROM everything ORDER BY id
;;
SELECT id, by::real FROM everything ORDER BY id
;;
SELECT id, by::double precision FROM everything ORDER BY id
;;
SELECT id, by::numeric FROM everything ORDER BY id
;;
SELECT id, by::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, by::text FROM everything ORDER BY id
;;
SELECT id, by::varchar(3) FROM everything ORDER BY id
;;
SELECT id, by::char(2) FROM everything ORDER BY id
;;
SELECT id, by::bytea FROM everything ORDER BY id
;;
SELECT id, by::date FROM everything ORDER BY id
;;
SELECT id, by::time FROM everything ORDER BY id
;;
SELECT id, by::timestamp FROM everything ORDER BY id
;;
SELECT id, by::timestamptz FROM everything ORDER BY id
;;
SELECT id, by::interval FROM everything ORDER BY id
;;
SELECT id, by::uuid FROM everything ORDER BY id
;;
SELECT id, d::boolean FROM everything ORDER BY id
;;
SELECT id, d::smallint FROM everything ORDER BY id
;;
SELECT id, d::integer FROM everything ORDER BY id
;;
SELECT id, d::bigint FROM everything ORDER BY id
;;
SELECT id, d::real FROM everything ORDER BY id
;;
SELECT id, d::double precision FROM everything ORDER BY id
;;
SELECT id, d::numeric FROM everything ORDER BY id
;;
SELECT id, d::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, d::text FROM everything ORDER BY id
;;
SELECT id, d::varchar(3) FROM everything ORDER BY id
;;
SELECT id, d::char(2) FROM everything ORDER BY id
;;
SELECT id, d::bytea FROM everything ORDER BY id
;;
SELECT id, d::date FROM everything ORDER BY id
;;
SELECT id, d::time FROM everything ORDER BY id
;;
SELECT id, d::timestamp FROM everything ORDER BY id
;;
SELECT id, d::timestamptz FROM everything ORDER BY id
;;
SELECT id, d::interval FROM everything ORDER BY id
;;
SELECT id, d::uuid FROM everything ORDER BY id
;;
SELECT id, tm::boolean FROM everything ORDER BY id
;;
SELECT id, tm::smallint FROM everything ORDER BY id
;;
SELECT id, tm::integer FROM everything ORDER BY id
;;
SELECT id, tm::bigint FROM everything ORDER BY id
;;
SELECT id, tm::real FROM everything ORDER BY id
;;
SELECT id, tm::double precision FROM everything ORDER BY id
;;
SELECT id, tm::numeric FROM everything ORDER BY id
;;
SELECT id, tm::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, tm::text FROM everything ORDER BY id
;;
SELECT id, tm::varchar(3) FROM everything ORDER BY id
;;
SELECT id, tm::char(2) FROM everything ORDER BY id
;;
SELECT id, tm::bytea FROM everything ORDER BY id
;;
SELECT id, tm::date FROM everything ORDER BY id
;;
SELECT id, tm::time FROM everything ORDER BY id
;;
SELECT id, tm::timestamp FROM everything ORDER BY id
;;
SELECT id, tm::timestamptz FROM everything ORDER BY id
;;
SELECT id, tm::interval FROM everything ORDER BY id
;;
SELECT id, tm::uuid FROM everything ORDER BY id
;;
SELECT id, ts::boolean FROM everything ORDER BY id
;;
SELECT id, ts::smallint FROM everything ORDER BY id
;;
SELECT id, ts::integer FROM everything ORDER BY id
;;
SELECT id, ts::bigint FROM everything ORDER BY id
;;
SELECT id, ts::real FROM everything ORDER BY id
;;
SELECT id, ts::double precision FROM everything ORDER BY id
;;
SELECT id, ts::numeric FROM everything ORDER BY id
;;
SELECT id, ts::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, ts::text FROM everything ORDER BY id
;;
SELECT id, ts::varchar(3) FROM everything ORDER BY id
;;
SELECT id, ts::char(2) FROM everything ORDER BY id
;;
SELECT id, ts::bytea FROM everything ORDER BY id
;;
SELECT id, ts::date FROM everything ORDER BY id
;;
SELECT id, ts::time FROM everything ORDER BY id
;;
SELECT id, ts::timestamp FROM everything ORDER BY id
;;
SELECT id, ts::timestamptz FROM everything ORDER BY id
;;
SELECT id, ts::interval FROM everything ORDER BY id
;;
SELECT id, ts::uuid FROM everything ORDER BY id
;;
SELECT id, tz::boolean FROM everything ORDER BY id
;;
SELECT id, tz::smallint FROM everything ORDER BY id
;;
SELECT id, tz::integer FROM everything ORDER BY id
;;
SELECT id, tz::bigint FROM everything ORDER BY id
;;
SELECT id, tz::real FROM everything ORDER BY id
;;
SELECT id, tz::double precision FROM everything ORDER BY id
;;
SELECT id, tz::numeric FROM everything ORDER BY id
;;
SELECT id, tz::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, tz::text FROM everything ORDER BY id
;;
SELECT id, tz::varchar(3) FROM everything ORDER BY id
;;
SELECT id, tz::char(2) FROM everything ORDER BY id
;;
SELECT id, tz::bytea FROM everything ORDER BY id
;;
SELECT id, tz::date FROM everything ORDER BY id
;;
SELECT id, tz::time FROM everything ORDER BY id
;;
SELECT id, tz::timestamp FROM everything ORDER BY id
;;
SELECT id, tz::timestamptz FROM everything ORDER BY id
;;
SELECT id, tz::interval FROM everything ORDER BY id
;;
SELECT id, tz::uuid FROM everything ORDER BY id
;;
SELECT id, iv::boolean FROM everything ORDER BY id
;;
SELECT id, iv::smallint FROM everything ORDER BY id
;;
SELECT id, iv::integer FROM everything ORDER BY id
;;
SELECT id, iv::bigint FROM everything ORDER BY id
;;
SELECT id, iv::real FROM everything ORDER BY id
;;
SELECT id, iv::double precision FROM everything ORDER BY id
;;
SELECT id, iv::numeric FROM everything ORDER BY id
;;
SELECT id, iv::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, iv::text FROM everything ORDER BY id
;;
SELECT id, iv::varchar(3) FROM everything ORDER BY id
;;
SELECT id, iv::char(2) FROM everything ORDER BY id
;;
SELECT id, iv::bytea FROM everything ORDER BY id
;;
SELECT id, iv::date FROM everything ORDER BY id
;;
SELECT id, iv::time FROM everything ORDER BY id
;;
SELECT id, iv::timestamp FROM everything ORDER BY id
;;
SELECT id, iv::timestamptz FROM everything ORDER BY id
;;
SELECT id, iv::interval FROM everything ORDER BY id
;;
SELECT id, iv::uuid FROM everything ORDER BY id
;;
SELECT id, u::boolean FROM everything ORDER BY id
;;
SELECT id, u::smallint FROM everything ORDER BY id
;;
SELECT id, u::integer FROM everything ORDER BY id
;;
SELECT id, u::bigint FROM everything ORDER BY id
;;
SELECT id, u::real FROM everything ORDER BY id
;;
SELECT id, u::double precision FROM everything ORDER BY id
;;
SELECT id, u::numeric FROM everything ORDER BY id
;;
SELECT id, u::numeric(5,2) FROM everything ORDER BY id
;;
SELECT id, u::text FROM everything ORDER BY id
;;
SELECT id, u::varchar(3) FROM everything ORDER BY id
;;
SELECT id, u::char(2) FROM everything ORDER BY id
;;
SELECT id, u::bytea FROM everything ORDER BY id
;;
SELECT id, u::date FROM everything ORDER BY id
;;
SELECT id, u::time FROM everything ORDER BY id
;;
SELECT id, u::timestamp FROM everything ORDER BY id
;;
SELECT id, u::timestamptz FROM everything ORDER BY id
;;
SELECT id, u::interval FROM everything ORDER BY id
;;
SELECT id, u::uuid FROM everything ORDER BY id
;;
SELECT id, i2::numeric(5,2) FROM everything WHERE id IN (1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) ORDER BY id
;;
SELECT id, i4::smallint FROM everything WHERE id IN (1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) ORDER BY id
;;
SELECT id, i4::numeric(5,2) FROM everything WHERE id IN (1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) ORDER BY id
;;
SELECT id, i8::smallint FROM everything WHERE id IN (1, 2, 5, 6, 9, 10, 11, 12, 13, 15) ORDER BY id
;;
SELECT id, i8::integer FROM everything WHERE id IN (1, 2, 5, 6, 9, 10, 11, 12, 13, 14, 15) ORDER BY id
;;
SELECT id, i8::numeric(5,2) FROM everything WHERE id IN (1, 2, 5, 6, 9, 10, 15) ORDER BY id
;;
SELECT id, f4::smallint FROM everything WHERE id IN (1, 2, 8, 9, 10, 11, 12, 13, 14, 15) ORDER BY id
;;
SELECT id, f4::integer FROM everything WHERE id IN (1, 2, 8, 9, 10, 11, 12, 13, 14, 15) ORDER BY id
;;
SELECT id, f4::bigint FROM everything WHERE id IN (1, 2, 8, 9, 10, 11, 12, 13, 14, 15) ORDER BY id
;;
SELECT id, f4::numeric(5,2) FROM everything WHERE id IN (1, 2, 5, 8, 9, 10, 11, 12, 13, 14, 15) ORDER BY id
;;
SELECT id, f8::smallint FROM everything WHERE id IN (1, 2, 8, 9, 10, 11, 12, 13, 14) ORDER BY id
;;
SELECT id, f8::integer FROM everything WHERE id IN (1, 2, 8, 9, 10, 11, 12, 13, 14) ORDER BY id
;;
SELECT id, f8::bigint FROM everything WHERE id IN (1, 2, 8, 9, 10, 11, 12, 13, 14) ORDER BY id
;;
SELECT id, f8::real FROM everything WHERE id IN (1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13) ORDER BY id
;;
SELECT id, f8::numeric(5,2) FROM everything WHERE id IN (1, 2, 5, 8, 9, 10, 11, 12, 13, 14) ORDER BY id
;;
SELECT id, n::smallint FROM everything WHERE id IN (1, 2, 4, 8, 9, 10, 11, 12, 13, 14) ORDER BY id
;;
SELECT id, n::integer FROM everything WHERE id IN (1, 2, 4, 8, 9, 10, 11, 12, 13, 14) ORDER BY id
;;
SELECT id, n::bigint FROM everything WHERE id IN (1, 2, 4, 8, 9, 10, 11, 12, 13, 14) ORDER BY id
;;
SELECT id, n::numeric(5,2) FROM everything WHERE id IN (1, 2, 4, 5, 8, 9, 10, 11, 12, 13, 14) ORDER BY id
;;
SELECT id, d::timestamp FROM everything WHERE id IN (1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) ORDER BY id
;;
SELECT id, d::timestamptz FROM everything WHERE id IN (1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) ORDER BY id
