-- date, time, timestamp, timestamptz, interval: input forms, output, arithmetic, comparisons,
-- extract/date_part/date_trunc/justify_*/make_date/to_timestamp, time zones, errors.
SELECT '2024-02-29'::date, '1999-01-08'::date, 'January 8, 1999'::date, '1/8/1999'::date, '19990108'::date, '0044-03-15 BC'::date
;;
SELECT 'infinity'::date, '-infinity'::date, 'epoch'::date, '5874897-12-31'::date, '4713-01-01 BC'::date
;;
SELECT '2023-02-29'::date
;;
SELECT '2024-13-01'::date
;;
SELECT 'yesterday-ish'::date
;;
SELECT '5874898-01-01'::date
;;
SELECT '4714-11-23 BC'::date
;;
SELECT '04:05:06'::time, '04:05'::time, '040506'::time, '4:05 PM'::time, '12:00 AM'::time, '23:59:59.9999999'::time, '24:00'::time
;;
SELECT '24:00:01'::time
;;
SELECT '12:60:00'::time
;;
SELECT '2024-01-02 03:04:05'::timestamp, '2024-01-02T03:04:05.123456'::timestamp, '2024-01-02 03:04:05.1234567'::timestamp, '2024-01-02'::timestamp
;;
SELECT '2024-01-02 03:04:05+05'::timestamp, '2024-01-02 03:04:05 BC'::timestamp, 'epoch'::timestamp, 'infinity'::timestamp, '-infinity'::timestamp
;;
SELECT '2024-01-02 03:04:05+05:30'::timestamptz, '2024-01-02 03:04:05-08'::timestamptz, '2024-01-02 03:04:05 Europe/Berlin'::timestamptz, '2024-07-02 03:04:05 Europe/Berlin'::timestamptz
;;
SELECT '2024-01-02 03:04:05 UTC'::timestamptz, '2024-01-02 03:04:05Z'::timestamptz, '2024-01-02'::timestamptz, 'epoch'::timestamptz, '1900-01-01 00:00 America/New_York'::timestamptz
;;
SELECT '294277-01-01 00:00:00'::timestamp
;;
SELECT '2024-01-02 25:00:00'::timestamp
;;
SELECT '2024-01-02 03:04:05 Mars/Olympus'::timestamptz
;;
SELECT '1 year'::interval, '1 year 2 mons 3 days 04:05:06.789'::interval, '-1 day'::interval, '1 day -1 hour'::interval, '@ 1 minute ago'::interval
;;
SELECT 'P1Y2M3DT4H5M6.5S'::interval, 'PT36H'::interval, 'P0D'::interval, '1.5 years'::interval, '1.5 months'::interval, '0.5 days'::interval
;;
SELECT '10000 hours'::interval, '-0.000001 seconds'::interval, '1 week'::interval, '1 decade 1 century 1 millennium'::interval, '3 mins 62 secs'::interval
;;
SELECT '1 fortnight'::interval
;;
SELECT '2147483648 days'::interval
;;
SELECT 'not an interval'::interval
;;
SELECT '2024-01-31'::date + 1, '2024-03-01'::date - 1, '2024-03-01'::date - '2023-03-01'::date, 1 + '2024-02-28'::date
;;
SELECT '2024-01-31'::date + '1 month'::interval, '2024-02-29'::date + '1 year'::interval, '2024-03-31'::date - '1 month'::interval, '2024-01-01'::date + '1 day 1 hour'::interval
;;
SELECT '2024-01-01'::date + '12:30'::time, '12:30'::time + '2024-01-01'::date, '2024-01-01'::date - '00:00:01'::interval
;;
SELECT '5874897-12-31'::date + 1
;;
SELECT 'infinity'::date + 1, '-infinity'::date - 1, 'infinity'::date - '2024-01-01'::date
;;
SELECT 'infinity'::date - 'infinity'::date
;;
SELECT '2024-03-01 00:00'::timestamp - '2024-02-01 12:00'::timestamp, '2024-01-01'::timestamp - '2023-01-01'::timestamp, '2000-01-01'::timestamp - '2000-01-01 00:00:00.000001'::timestamp
;;
SELECT '2024-01-31 10:00'::timestamp + '1 mon'::interval, '2024-01-31 10:00'::timestamp + '1 mon 1 day 1 hour'::interval, '2024-03-31 10:00'::timestamp - '1 mon'::interval, '2024-02-29'::timestamp + '-1 year'::interval
;;
SELECT 'infinity'::timestamp + '1 day'::interval, 'infinity'::timestamp - 'infinity'::timestamp
;;
SELECT 'infinity'::timestamp - '2024-01-01'::timestamp
;;
SELECT '294276-12-31 23:59:59'::timestamp + '1 day'::interval
;;
SELECT '12:00'::time + '13 hours'::interval, '01:00'::time - '2 hours'::interval, '12:00'::time - '11:59:59.5'::time, '10:00'::time - '12:00'::time, '23:00'::time + '1 mon 1 day 02:00'::interval
;;
SELECT '1 day'::interval + '1 hour'::interval, '1 mon'::interval - '1 day'::interval, -'1 year 2 days 03:00'::interval, '1 day'::interval * 3, '1 hour'::interval * 1.5, '1 mon'::interval / 3, '3 days'::interval * -0.5
;;
SELECT '1 day'::interval / 0
;;
SELECT '178000000 years'::interval * 100
;;
SELECT '1 mon'::interval = '30 days'::interval, '1 day'::interval = '24 hours'::interval, '1 year'::interval > '360 days'::interval, '1 year'::interval < '366 days'::interval, '-1 day'::interval < '0'::interval
;;
SELECT '2024-01-01'::date = '2024-01-01 00:00'::timestamp, '2024-01-01'::date < '2024-01-01 00:00:01'::timestamp, '2024-01-01 00:00+00'::timestamptz = '2024-01-01'::timestamp, 'infinity'::date > '294276-12-31'::timestamp
;;
SELECT '2024-01-01 00:00+00'::timestamptz = '2023-12-31 19:00-05'::timestamptz, '2024-01-01'::date < 'infinity'::date, '-infinity'::timestamp < '4713-01-01 BC'::timestamp
;;
SELECT extract(year FROM '2024-05-17'::date), extract(month FROM '2024-05-17'::date), extract(day FROM '2024-05-17'::date), extract(dow FROM '2024-05-19'::date), extract(isodow FROM '2024-05-19'::date), extract(doy FROM '2024-12-31'::date)
;;
SELECT extract(week FROM '2024-01-01'::date), extract(week FROM '2021-01-03'::date), extract(isoyear FROM '2021-01-03'::date), extract(quarter FROM '2024-08-01'::date), extract(decade FROM '2024-01-01'::date), extract(century FROM '2000-12-31'::date), extract(millennium FROM '2001-01-01'::date)
;;
SELECT extract(year FROM '0044-03-15 BC'::date), extract(century FROM '0044-03-15 BC'::date), extract(epoch FROM '1970-01-02'::date), extract(julian FROM '2024-01-01'::date)
;;
SELECT extract(hour FROM '2024-05-17 10:11:12.345678'::timestamp), extract(minute FROM '2024-05-17 10:11:12.345678'::timestamp), extract(second FROM '2024-05-17 10:11:12.345678'::timestamp), extract(milliseconds FROM '2024-05-17 10:11:12.345678'::timestamp), extract(microseconds FROM '2024-05-17 10:11:12.345678'::timestamp)
;;
SELECT extract(epoch FROM '2024-05-17 10:11:12.5'::timestamp), extract(epoch FROM '2024-05-17 10:11:12.5+02'::timestamptz), extract(timezone FROM '2024-05-17 10:11:12+02'::timestamptz), extract(timezone_hour FROM '2024-05-17 10:11:12+02'::timestamptz)
;;
SELECT extract(epoch FROM 'infinity'::timestamp), extract(year FROM '-infinity'::date), extract(day FROM 'infinity'::timestamptz)
;;
SELECT extract(hour FROM '13:14:15.5'::time), extract(second FROM '13:14:15.5'::time), extract(epoch FROM '13:14:15.5'::time), extract(minute FROM '24:00'::time)
;;
SELECT extract(year FROM '1 year 14 mons'::interval), extract(month FROM '1 year 14 mons'::interval), extract(day FROM '40 days'::interval), extract(hour FROM '-25 hours'::interval), extract(epoch FROM '1 year 1 mon 1 day 1 second'::interval), extract(epoch FROM '-1.5 seconds'::interval)
;;
SELECT extract(dow FROM '13:00'::time)
;;
SELECT extract(month FROM '13:00'::time)
;;
SELECT date_part('year', '2024-05-17'::date), date_part('hour', '2024-05-17 10:11:12'::timestamp), date_part('second', '2024-05-17 10:11:12.25'::timestamp), date_part('epoch', '2024-05-17 00:00+00'::timestamptz), date_part('day', '3 days 4 hours'::interval), date_part('minute', '10:11'::time)
;;
SELECT date_part('century', '2024-01-01'::timestamp), date_part('dow', '2024-01-01'::timestamp), date_part('doy', '2024-03-01'::timestamp), date_part('week', '2024-12-30'::timestamp)
;;
SELECT date_part('nonsense', '2024-01-01'::date)
;;
SELECT date_trunc('year', '2024-05-17 10:11:12.5'::timestamp), date_trunc('quarter', '2024-05-17 10:11:12.5'::timestamp), date_trunc('month', '2024-05-17 10:11:12.5'::timestamp), date_trunc('week', '2024-05-17 10:11:12.5'::timestamp), date_trunc('day', '2024-05-17 10:11:12.5'::timestamp)
;;
SELECT date_trunc('hour', '2024-05-17 10:11:12.5'::timestamp), date_trunc('minute', '2024-05-17 10:11:12.5'::timestamp), date_trunc('second', '2024-05-17 10:11:12.5'::timestamp), date_trunc('milliseconds', '2024-05-17 10:11:12.345678'::timestamp), date_trunc('microseconds', '2024-05-17 10:11:12.345678'::timestamp)
;;
SELECT date_trunc('decade', '2024-05-17'::timestamp), date_trunc('century', '2024-05-17'::timestamp), date_trunc('millennium', '2024-05-17'::timestamp), date_trunc('century', '0044-03-15 BC'::timestamp), date_trunc('year', 'infinity'::timestamp)
;;
SELECT date_trunc('day', '2024-05-17 10:11:12+05'::timestamptz), date_trunc('month', '2024-05-17 10:11:12-05'::timestamptz), date_trunc('hour', '2024-05-17 10:41:12+05:30'::timestamptz)
;;
SELECT date_trunc('month', '2024-05-17'::date), date_trunc('week', '2024-01-01'::date)
;;
SELECT date_trunc('hour', '3 days 04:05:06'::interval), date_trunc('day', '1 year 2 mons 3 days 04:05'::interval), date_trunc('year', '1 year 14 mons'::interval)
;;
SELECT date_trunc('fortnight', '2024-05-17'::timestamp)
;;
SELECT justify_days('35 days'::interval), justify_days('-35 days'::interval), justify_days('1 mon 65 days'::interval), justify_hours('27 hours'::interval), justify_hours('-27 hours'::interval), justify_hours('1 day 49:00:01'::interval)
;;
SELECT justify_interval('1 mon -1 hour'::interval), justify_interval('-1 mon 1 hour'::interval), justify_interval('35 days 25 hours'::interval), justify_interval('1 year -1 day'::interval)
;;
SELECT make_date(2024, 2, 29), make_date(-44, 3, 15), make_date(1, 1, 1), make_date(2024, 12, 31)
;;
SELECT make_date(2023, 2, 29)
;;
SELECT make_date(0, 1, 1)
;;
SELECT to_timestamp(0), to_timestamp(1700000000), to_timestamp(1.5), to_timestamp(-86400.25), to_timestamp('Infinity'::float8)
;;
SELECT to_timestamp('NaN'::float8)
;;
SELECT to_timestamp(1e20)
;;
SELECT isfinite('2024-01-01'::date), isfinite('infinity'::date), isfinite('-infinity'::timestamp), isfinite('2024-01-01'::timestamptz)
;;
SELECT isfinite('1 day'::interval)
;;
SELECT '2024-05-17'::date::timestamp, '2024-05-17'::date::timestamptz, '2024-05-17 10:11:12.5'::timestamp::date, '2024-05-17 10:11:12.5'::timestamp::time, '2024-05-17 23:11:12+00'::timestamptz::date
;;
SELECT '2024-05-17 10:11:12.5'::timestamp::timestamptz, '2024-05-17 10:11:12.5+03'::timestamptz::timestamp, '2024-05-17 10:11:12.5+03'::timestamptz::time, '10:11:12'::time::interval, '1 day 02:03'::interval::time
;;
SELECT 'infinity'::date::timestamp, '-infinity'::timestamp::date, 'infinity'::timestamptz::timestamp
;;
SELECT '2024-05-17'::date::text, '10:11:12.5'::time::text, '2024-05-17 10:11'::timestamp::text, '1 day'::interval::text, '2024-05-17 10:11+00'::timestamptz::text
;;
SELECT '2024-05-17 10:11:12.5'::timestamp::date::text || ' x', cast('2024-05-17' as date) + 0
;;
SELECT '12:34:56.789'::time(1), '12:34:56.789'::time(0), '2024-01-01 12:34:56.789'::timestamp(1), '2024-01-01 12:34:56.789+00'::timestamptz(2), '2024-01-01 23:59:59.9'::timestamp(0)
;;
SELECT '1 day 02:03:04.56789'::interval(2)
;;
SELECT '1 year 2 mons 3 days'::interval month, '1 day 02:03:04'::interval day to minute
;;
SELECT id, d, tm, ts, tz, iv FROM everything ORDER BY id
;;
SELECT id, d + 1 FROM everything WHERE id NOT IN (3) ORDER BY id
;;
SELECT id, d + 1 FROM everything WHERE id = 3
;;
SELECT id, d - '2000-01-01'::date, d - 1 FROM everything WHERE id NOT IN (4, 5, 6) ORDER BY id
;;
SELECT id, d - '2000-01-01'::date FROM everything WHERE id = 4
;;
SELECT id, ts + iv FROM everything WHERE id NOT IN (3, 4) ORDER BY id
;;
SELECT id, ts + iv FROM everything WHERE id = 3
;;
SELECT id, tz - iv, tz + '1 day'::interval FROM everything WHERE id NOT IN (3, 4) ORDER BY id
;;
SELECT id, tm + iv, tm - '01:00'::interval FROM everything ORDER BY id
;;
SELECT id, d + tm FROM everything WHERE id NOT IN (3) ORDER BY id
;;
SELECT id, ts - tz::timestamp, tz - ts::timestamptz FROM everything WHERE id NOT IN (3, 4) ORDER BY id
;;
SELECT id, iv * 2, iv / 2, -iv FROM everything WHERE id NOT IN (3, 4) ORDER BY id
;;
SELECT id, iv * 2 FROM everything WHERE id = 3
;;
SELECT id, justify_days(iv), justify_hours(iv), justify_interval(iv) FROM everything ORDER BY id
;;
SELECT id, extract(year FROM d), extract(dow FROM d), extract(epoch FROM ts), extract(hour FROM tz), extract(second FROM tm), extract(epoch FROM iv) FROM everything ORDER BY id
;;
SELECT id, date_trunc('month', ts), date_trunc('day', tz), date_trunc('hour', iv) FROM everything ORDER BY id
;;
SELECT id, d::timestamp, ts::date, tz::date, ts::time, tz::time FROM everything ORDER BY id
;;
SELECT id, d::text, tm::text, ts::text, tz::text, iv::text FROM everything ORDER BY id
;;
SELECT id, isfinite(d), isfinite(ts), isfinite(tz) FROM everything ORDER BY id
;;
SELECT id FROM everything WHERE d > '2000-01-01' ORDER BY id
;;
SELECT id FROM everything WHERE ts BETWEEN '1999-01-01' AND '2012-12-31' ORDER BY id
;;
SELECT id FROM everything WHERE tz < '2000-01-01 08:00:00+00' ORDER BY id
;;
SELECT id FROM everything WHERE tz <= '2000-01-01 08:00:00+00' ORDER BY id
;;
SELECT id FROM everything WHERE iv > '1 day' ORDER BY id
;;
SELECT id FROM everything WHERE iv = '1 day 24:00:00'::interval OR iv = '2 days' OR iv = '1 mon' ORDER BY id
;;
SELECT id FROM everything WHERE tm >= '12:00' ORDER BY id
;;
SELECT id, d FROM everything ORDER BY d NULLS FIRST, id
;;
SELECT id, ts FROM everything ORDER BY ts DESC, id
;;
SELECT id, tz FROM everything ORDER BY tz, id
;;
SELECT id, iv FROM everything ORDER BY iv, id
;;
SELECT id, tm FROM everything ORDER BY tm DESC NULLS LAST, id
;;
SELECT day, hi, lo, note FROM days ORDER BY day
;;
SELECT day FROM days WHERE day = '2024-02-29'
;;
SELECT day FROM days WHERE day BETWEEN '2024-01-01' AND '2024-02-29' ORDER BY day DESC
;;
SELECT day FROM days WHERE day < '0001-06-01' ORDER BY day
;;
SELECT day FROM days WHERE day > '2024-02-28'::timestamp ORDER BY day
;;
SELECT day, day + 1, day - 1 FROM days WHERE day > '1000-01-01' AND day < '3000-01-01' ORDER BY day
;;
SELECT day, extract(year FROM day), extract(isoyear FROM day), extract(week FROM day), extract(dow FROM day), extract(doy FROM day) FROM days ORDER BY day
;;
SELECT day, date_trunc('month', day), date_trunc('week', day)::date, make_date(extract(year FROM day)::integer, 1, 1) FROM days WHERE isfinite(day) ORDER BY day
;;
SELECT at, atz, dur, t, seq FROM moments ORDER BY at
;;
SELECT at FROM moments WHERE at = '2024-11-03 01:30:00'
;;
SELECT at FROM moments WHERE at >= '2024-01-01' ORDER BY at
;;
SELECT at FROM moments WHERE at < '2000-01-01' ORDER BY at DESC
;;
SELECT at, at + dur, atz + dur FROM moments WHERE isfinite(at) ORDER BY at
;;
SELECT at, at - atz::timestamp, atz - '1969-07-20 20:17:40+00'::timestamptz FROM moments WHERE isfinite(at) ORDER BY at
;;
SELECT at, t + dur, t - '00:30'::interval FROM moments ORDER BY at
;;
SELECT at, atz, date_trunc('day', atz), extract(hour FROM atz) FROM moments ORDER BY at
;;
SET TIME ZONE 'America/New_York'
;;
SELECT '2024-03-10 01:30'::timestamptz, '2024-03-10 02:30'::timestamptz, '2024-03-10 03:30'::timestamptz, '2024-11-03 01:30'::timestamptz, '2024-11-03 02:30'::timestamptz
;;
SELECT at, atz, atz::timestamp, at::timestamptz FROM moments ORDER BY at
;;
SELECT '2024-03-09 12:00'::timestamptz + '1 day'::interval, '2024-03-09 12:00'::timestamptz + '24 hours'::interval, '2024-11-02 12:00'::timestamptz + '1 day'::interval, '2024-03-10 12:00'::timestamptz - '2024-03-09 12:00'::timestamptz
;;
SELECT date_trunc('day', '2024-03-10 12:00-04'::timestamptz), date_trunc('hour', '2024-11-03 01:30-04'::timestamptz), date_trunc('month', '2024-11-03 12:00-05'::timestamptz)
;;
SELECT extract(hour FROM '2024-07-01 12:00+00'::timestamptz), extract(timezone FROM '2024-07-01 12:00+00'::timestamptz), extract(timezone FROM '2024-01-01 12:00+00'::timestamptz), extract(day FROM '2024-07-01 02:00+00'::timestamptz)
;;
SELECT '2024-07-01 12:00+00'::timestamptz::date, '2024-07-01 02:00+00'::timestamptz::date, '2024-07-01'::date::timestamptz, '2024-07-01 12:00'::timestamp::timestamptz
;;
SELECT to_timestamp(0), '1969-12-31 19:00'::timestamptz = to_timestamp(0)
;;
SELECT id, tz, tz::date, tz::time FROM everything ORDER BY id
;;
SET TIME ZONE 'Asia/Kolkata'
;;
SELECT '2024-01-01 00:00:00+00'::timestamptz, '2024-01-01 00:00:00'::timestamptz, date_trunc('hour', '2024-01-01 00:45:00+00'::timestamptz), extract(timezone_minute FROM '2024-01-01 00:00+00'::timestamptz)
;;
SET TIME ZONE '+03'
;;
SELECT '2024-01-01 00:00:00+00'::timestamptz, '2024-01-01 12:00'::timestamptz
;;
SET TIME ZONE 'UTC'
;;
SELECT '2024-01-01 00:00:00+00'::timestamptz, to_timestamp(86400)
