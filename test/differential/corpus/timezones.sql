-- Session time zones: SET TIME ZONE forms, SHOW, timestamptz input/output/arithmetic/extract/
-- date_trunc and casts under zones with DST and with fractional offsets.
SHOW TimeZone
;;
SET TIME ZONE 'Europe/Berlin'
;;
SHOW TimeZone
;;
SELECT '2024-03-31 01:59:59+00'::timestamptz, '2024-03-31 02:30'::timestamptz, '2024-10-27 02:30'::timestamptz, '2024-10-27 01:30+00'::timestamptz
;;
SELECT '2024-03-30 12:00'::timestamptz + '1 day'::interval, '2024-03-30 12:00'::timestamptz + '24 hours'::interval, '2024-10-26 12:00'::timestamptz + '1 day'::interval, '2024-03-31 12:00'::timestamptz - '2024-03-30 12:00'::timestamptz
;;
SELECT '2024-01-31 12:00'::timestamptz + '1 mon'::interval, '2024-03-31 01:00'::timestamptz + '1 hour'::interval, '2024-03-30 02:30'::timestamptz + '1 day'::interval
;;
SELECT date_trunc('day', '2024-03-31 12:00+00'::timestamptz), date_trunc('day', '2024-10-27 12:00+00'::timestamptz), date_trunc('month', '2024-03-31 23:30+00'::timestamptz), date_trunc('hour', '2024-10-27 00:30+00'::timestamptz), date_trunc('hour', '2024-10-27 01:30+00'::timestamptz)
;;
SELECT extract(hour FROM '2024-03-31 01:00+00'::timestamptz), extract(timezone FROM '2024-03-31 01:00+00'::timestamptz), extract(timezone_hour FROM '2024-01-01 00:00+00'::timestamptz), extract(epoch FROM '2024-07-01 00:00'::timestamptz), extract(day FROM '2024-06-30 23:00+00'::timestamptz)
;;
SELECT '2024-07-01 00:30+00'::timestamptz::date, '2024-07-01 00:30+00'::timestamptz::time, '2024-07-01'::date::timestamptz, '2024-03-31 02:30'::timestamp::timestamptz, '2024-10-27 02:30'::timestamp::timestamptz
;;
SELECT id, tz, tz::timestamp, tz::date, date_trunc('day', tz), extract(hour FROM tz) FROM everything ORDER BY id
;;
SELECT at, atz, atz::timestamp, atz + dur, date_trunc('month', atz) FROM moments ORDER BY at
;;
SELECT id FROM everything WHERE tz::date = '2000-01-01' ORDER BY id
;;
SELECT tz FROM everything WHERE id = 3
;;
SELECT tz::date, extract(year FROM tz) FROM everything WHERE id = 3
;;
SELECT '294276-12-31 23:59:59+00'::timestamptz, '294276-12-31 23:59:59+00'::timestamptz::date
;;
SELECT '294276-12-31 23:59:59+00'::timestamptz::timestamp
;;
SELECT id FROM everything WHERE tz = ts ORDER BY id
;;
SELECT to_timestamp(0), to_timestamp(1711846800), to_timestamp(1729990800)
;;
SELECT '1900-01-01 00:00'::timestamptz, '1850-06-01 12:00'::timestamptz, '0044-03-15 12:00 BC'::timestamptz, '2100-07-01 12:00'::timestamptz
;;
SET TIME ZONE 'America/Los_Angeles'
;;
SELECT '2024-03-10 02:30'::timestamptz, '2024-11-03 01:30'::timestamptz, '2024-11-03 01:30 PDT'::timestamptz, '2024-11-03 01:30 PST'::timestamptz
;;
SELECT date_trunc('day', '2024-11-03 12:00'::timestamptz), '2024-11-03 00:00'::timestamptz + '1 day'::interval, '2024-11-04 00:00'::timestamptz - '2024-11-03 00:00'::timestamptz
;;
SELECT at, atz, atz::timestamp, extract(hour FROM atz) FROM moments ORDER BY at
;;
SET TIME ZONE 'Australia/Lord_Howe'
;;
SELECT '2024-04-07 01:45'::timestamptz, '2024-10-06 02:15'::timestamptz, '2024-01-01 00:00+00'::timestamptz, extract(timezone FROM '2024-06-01 00:00+00'::timestamptz)
;;
SET TIME ZONE 'Asia/Kathmandu'
;;
SELECT '2024-01-01 00:00+00'::timestamptz, '2024-01-01 00:00'::timestamptz::timestamp, date_trunc('hour', '2024-01-01 00:00+00'::timestamptz), extract(timezone_minute FROM '2024-01-01 00:00+00'::timestamptz)
;;
SET TIME ZONE '-07:30'
;;
SELECT '2024-01-01 00:00+00'::timestamptz, '2024-01-01 00:00'::timestamptz, extract(timezone FROM '2024-01-01 00:00+00'::timestamptz)
;;
SET TIME ZONE 5
;;
SHOW TimeZone
;;
SELECT '2024-01-01 00:00+00'::timestamptz, '2024-06-01 12:00'::timestamptz
;;
SET TIME ZONE INTERVAL '-03:30' HOUR TO MINUTE
;;
SELECT '2024-01-01 00:00+00'::timestamptz
;;
SHOW TimeZone
;;
SET TIME ZONE 'Nowhere/Special'
;;
SET TIMEZONE TO 'UTC'
;;
SHOW TimeZone
;;
SELECT '2024-01-01 00:00+00'::timestamptz, '2024-03-31 02:30'::timestamptz
;;
SET TIME ZONE INTERVAL '+05:45:30'
;;
SHOW TimeZone
;;
SELECT '2024-06-01 12:00:00+00'::timestamptz, '2024-06-01 12:00'::timestamptz::text
;;
SET TIME ZONE INTERVAL '1 day'
;;
SET TIME ZONE INTERVAL '2 mons'
;;
SET TIME ZONE 'UTC'
