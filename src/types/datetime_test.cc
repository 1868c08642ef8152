// Tests of date/time text input and output and of time zones. Every expected string in the
// tables below was produced by a live PostgreSQL 15 (DateStyle ISO, MDY; IntervalStyle
// postgres), with the session time zone of the row, as "ERROR <sqlstate>: <message>" for errors.
#include "types/datetime.h"

#include <gtest/gtest.h>

#include <string>

namespace omendb {
namespace {

struct Case {
  const char* zone;      // session TimeZone
  const char* op;        // input type, or "settz" for SET TIME ZONE + SHOW TimeZone
  const char* input;
  const char* unused;
  const char* expected;  // PostgreSQL 15's output
};

// clang-format off
const Case kCases[] = {
    {"UTC", "date", "2024-02-29", "", "2024-02-29"},
    {"UTC", "date", "1999-01-08", "", "1999-01-08"},
    {"UTC", "date", "January 8, 1999", "", "1999-01-08"},
    {"UTC", "date", "1/8/1999", "", "1999-01-08"},
    {"UTC", "date", "1/18/1999", "", "1999-01-18"},
    {"UTC", "date", "18/1/1999", "",
        "ERROR 22008: date/time field value out of range: \"18/1/1999\""},
    {"UTC", "date", "19990108", "", "1999-01-08"},
    {"UTC", "date", "990108", "", "1999-01-08"},
    {"UTC", "date", "1999-Jan-08", "", "1999-01-08"},
    {"UTC", "date", "Jan-08-1999", "", "1999-01-08"},
    {"UTC", "date", "08-Jan-1999", "", "1999-01-08"},
    {"UTC", "date", "99-Jan-08", "",
        "ERROR 22008: date/time field value out of range: \"99-Jan-08\""},
    {"UTC", "date", "1999.008", "", "1999-01-08"},
    {"UTC", "date", "J2451187", "", "1999-01-08"},
    {"UTC", "date", "January 8, 99 BC", "", "0099-01-08 BC"},
    {"UTC", "date", "0044-03-15 BC", "", "0044-03-15 BC"},
    {"UTC", "date", "44-03-15 BC", "",
        "ERROR 22008: date/time field value out of range: \"44-03-15 BC\""},
    {"UTC", "date", "2024-02-30", "",
        "ERROR 22008: date/time field value out of range: \"2024-02-30\""},
    {"UTC", "date", "2023-02-29", "",
        "ERROR 22008: date/time field value out of range: \"2023-02-29\""},
    {"UTC", "date", "abc", "", "ERROR 22007: invalid input syntax for type date: \"abc\""},
    {"UTC", "date", "infinity", "", "infinity"},
    {"UTC", "date", "-infinity", "", "-infinity"},
    {"UTC", "date", "+infinity", "",
        "ERROR 22007: invalid input syntax for type date: \"+infinity\""},
    {"UTC", "date", "epoch", "", "1970-01-01"},
    {"UTC", "date", "2024-01-01 10:00:00", "", "2024-01-01"},
    {"UTC", "date", "2024-01-01 PST", "", "2024-01-01"},
    {"UTC", "date", "2024-01-01 Europe/Berlin", "", "2024-01-01"},
    {"UTC", "date", "2024-13-01", "",
        "ERROR 22008: date/time field value out of range: \"2024-13-01\""},
    {"UTC", "date", "13/13/2024", "",
        "ERROR 22008: date/time field value out of range: \"13/13/2024\""},
    {"UTC", "date", "0000-01-01", "",
        "ERROR 22008: date/time field value out of range: \"0000-01-01\""},
    {"UTC", "date", "5874897-12-31", "", "5874897-12-31"},
    {"UTC", "date", "5874898-01-01", "", "ERROR 22008: date out of range: \"5874898-01-01\""},
    {"UTC", "date", "4714-11-24 BC", "", "4714-11-24 BC"},
    {"UTC", "date", "4714-11-23 BC", "", "ERROR 22008: date out of range: \"4714-11-23 BC\""},
    {"UTC", "date", "  2024-01-01  ", "", "2024-01-01"},
    {"UTC", "date", "2024-1-1", "", "2024-01-01"},
    {"UTC", "date", "24-1-1", "", "ERROR 22008: date/time field value out of range: \"24-1-1\""},
    {"UTC", "date", "1-1-24", "", "2024-01-01"},
    {"UTC", "date", "12/31/69", "", "2069-12-31"},
    {"UTC", "date", "12/31/70", "", "1970-12-31"},
    {"UTC", "date", "Jan 8", "", "ERROR 22007: invalid input syntax for type date: \"Jan 8\""},
    {"UTC", "date", "8 Jan 1999", "", "1999-01-08"},
    {"UTC", "date", "Friday, January 8, 1999", "", "1999-01-08"},
    {"UTC", "date", "1999 Jan 8", "", "1999-01-08"},
    {"UTC", "date", "1999-01-08T10:00", "", "1999-01-08"},
    {"UTC", "date", "2024-01-01 25:00", "",
        "ERROR 22008: date/time field value out of range: \"2024-01-01 25:00\""},
    {"UTC", "date", "", "", "ERROR 22007: invalid input syntax for type date: \"\""},
    {"UTC", "date", "Jan 32 1999", "",
        "ERROR 22008: date/time field value out of range: \"Jan 32 1999\""},
    {"UTC", "date", "1999-01-08 AD", "", "1999-01-08"},
    {"UTC", "date", "2000-02-29 BC", "",
        "ERROR 22008: date/time field value out of range: \"2000-02-29 BC\""},
    {"UTC", "date", "1 BC-01-01", "",
        "ERROR 22007: invalid input syntax for type date: \"1 BC-01-01\""},
    {"UTC", "date", "99999-01-01", "", "99999-01-01"},
    {"UTC", "date", "10000-12-31", "", "10000-12-31"},
    {"UTC", "time", "04:05:06.789", "", "04:05:06.789"},
    {"UTC", "time", "04:05", "", "04:05:00"},
    {"UTC", "time", "040506", "", "04:05:06"},
    {"UTC", "time", "0405", "", "04:05:00"},
    {"UTC", "time", "4:05 PM", "", "16:05:00"},
    {"UTC", "time", "12:00 AM", "", "00:00:00"},
    {"UTC", "time", "12:00 PM", "", "12:00:00"},
    {"UTC", "time", "13:00 PM", "",
        "ERROR 22008: date/time field value out of range: \"13:00 PM\""},
    {"UTC", "time", "24:00:00", "", "24:00:00"},
    {"UTC", "time", "24:00:01", "",
        "ERROR 22008: date/time field value out of range: \"24:00:01\""},
    {"UTC", "time", "23:59:60", "", "24:00:00"},
    {"UTC", "time", "23:59:59.9999999", "", "24:00:00"},
    {"UTC", "time", "04:05:06.789-8", "", "04:05:06.789"},
    {"UTC", "time", "04:05:06 PST", "", "04:05:06"},
    {"UTC", "time", "2003-04-12 04:05:06 America/New_York", "", "04:05:06"},
    {"UTC", "time", "allballs", "", "00:00:00"},
    {"UTC", "time", "abc", "", "ERROR 22007: invalid input syntax for type time: \"abc\""},
    {"UTC", "time", "25:00", "", "ERROR 22008: date/time field value out of range: \"25:00\""},
    {"UTC", "time", "10:60", "", "ERROR 22008: date/time field value out of range: \"10:60\""},
    {"UTC", "time", "10:30.5", "", "00:10:30.5"},
    {"UTC", "time", "T040506", "", "04:05:06"},
    {"UTC", "time", "04:05:06.", "", "04:05:06"},
    {"UTC", "time", "4", "", "ERROR 22007: invalid input syntax for type time: \"4\""},
    {"UTC", "time", "today", "", "ERROR 22007: invalid input syntax for type time: \"today\""},
    {"UTC", "time", "00:00:00.000001", "", "00:00:00.000001"},
    {"UTC", "time", "1:2:3", "", "01:02:03"},
    {"UTC", "time", "040506.123", "", "04:05:06.123"},
    {"UTC", "time", "040506-08", "", "04:05:06"},
    {"UTC", "timestamp", "2024-01-02 03:04:05.678", "", "2024-01-02 03:04:05.678"},
    {"UTC", "timestamp", "2024-01-02T03:04:05", "", "2024-01-02 03:04:05"},
    {"UTC", "timestamp", "2024-01-02", "", "2024-01-02 00:00:00"},
    {"UTC", "timestamp", "2024-01-02 03:04:05+02", "", "2024-01-02 03:04:05"},
    {"UTC", "timestamp", "2024-01-02 03:04:05 Europe/Berlin", "", "2024-01-02 03:04:05"},
    {"UTC", "timestamp", "2024-01-02 03:04:05 Mars/Base", "",
        "ERROR 22023: time zone \"mars/base\" not recognized"},
    {"UTC", "timestamp", "infinity", "", "infinity"},
    {"UTC", "timestamp", "-infinity", "", "-infinity"},
    {"UTC", "timestamp", "epoch", "", "1970-01-01 00:00:00"},
    {"UTC", "timestamp", "allballs", "",
        "ERROR 22007: invalid input syntax for type timestamp: \"allballs\""},
    {"UTC", "timestamp", "10:00", "",
        "ERROR 22007: invalid input syntax for type timestamp: \"10:00\""},
    {"UTC", "timestamp", "10:00 2020-01-01", "",
        "ERROR 22007: invalid input syntax for type timestamp: \"10:00 2020-01-01\""},
    {"UTC", "timestamp", "epoch 10:00", "", "1970-01-01 00:00:00"},
    {"UTC", "timestamp", "epoch 2020-01-01", "",
        "ERROR 22007: invalid input syntax for type timestamp: \"epoch 2020-01-01\""},
    {"UTC", "timestamp", "Jan 8 10:00 1999", "", "1999-01-08 10:00:00"},
    {"UTC", "timestamp", "January 8 04:05:06 1999 PST", "", "1999-01-08 04:05:06"},
    {"UTC", "timestamp", "1999-01-08 04:05:06 -8:00", "", "1999-01-08 04:05:06"},
    {"UTC", "timestamp", "19990108T040506", "", "1999-01-08 04:05:06"},
    {"UTC", "timestamp", "19990108 040506", "", "1999-01-08 04:05:06"},
    {"UTC", "timestamp", "1999-01-08 040506-08", "", "1999-01-08 04:05:06"},
    {"UTC", "timestamp", "20240102 10:00", "", "2024-01-02 10:00:00"},
    {"UTC", "timestamp", "294276-12-31 23:59:59.999999", "", "294276-12-31 23:59:59.999999"},
    {"UTC", "timestamp", "294277-01-01", "",
        "ERROR 22008: timestamp out of range: \"294277-01-01\""},
    {"UTC", "timestamp", "4714-11-24 00:00:00 BC", "", "4714-11-24 00:00:00 BC"},
    {"UTC", "timestamp", "4714-11-23 23:59:59 BC", "",
        "ERROR 22008: timestamp out of range: \"4714-11-23 23:59:59 BC\""},
    {"UTC", "timestamp", "2024-01-01 24:00:00", "", "2024-01-02 00:00:00"},
    {"UTC", "timestamp", "2024-12-31 23:59:60", "", "2025-01-01 00:00:00"},
    {"UTC", "timestamp", "2024-01-01 10:00:00.1234567", "", "2024-01-01 10:00:00.123457"},
    {"UTC", "timestamp", "2024-01-01 10:00:00.5 PM", "", "2024-01-01 22:00:00.5"},
    {"UTC", "timestamp", "2024-01-01 10:00 pm", "", "2024-01-01 22:00:00"},
    {"UTC", "timestamp", "J2451187 04:05", "", "1999-01-08 04:05:00"},
    {"UTC", "timestamp", "y2024m01d02h03mm04s05", "", "2024-01-02 03:04:05"},
    {"UTC", "timestamp", "Thu Jan 08 04:05:06 1999", "", "1999-01-08 04:05:06"},
    {"UTC", "timestamp", "2024-01-02 03:04:05 z", "", "2024-01-02 03:04:05"},
    {"UTC", "timestamp", "2024-01-02T03:04:05Z", "", "2024-01-02 03:04:05"},
    {"UTC", "timestamp", "2024-01-02 03:04:05 UTC+3", "", "2024-01-02 03:04:05"},
    {"UTC", "timestamp", "2024-01-02 03:04:05 xyz", "",
        "ERROR 22007: invalid input syntax for type timestamp: \"2024-01-02 03:04:05 xyz\""},
    {"UTC", "timestamp", "2024-01-02 at 10:00", "", "2024-01-02 10:00:00"},
    {"UTC", "timestamp", "2024-01-02 03:04:05 dst", "",
        "ERROR 22007: invalid input syntax for type timestamp: \"2024-01-02 03:04:05 dst\""},
    {"UTC", "timestamp", "2024-01-02 03:04:05 PST dst", "", "2024-01-02 03:04:05"},
    {"UTC", "timestamp", "2024-01-01 10:00:00.000001", "", "2024-01-01 10:00:00.000001"},
    {"UTC", "timestamp", "1999-01-08 04:05:06.12345", "", "1999-01-08 04:05:06.12345"},
    {"UTC", "timestamp", "0044-03-15 12:00 BC", "", "0044-03-15 12:00:00 BC"},
    {"UTC", "timestamp", "2024-01-02 03:04:05+16", "",
        "ERROR 22009: time zone displacement out of range: \"2024-01-02 03:04:05+16\""},
    {"UTC", "timestamp", "2024-01-02 03:04:05+15:59", "", "2024-01-02 03:04:05"},
    {"UTC", "timestamp", "2024-01-02 03:04:05+0530", "", "2024-01-02 03:04:05"},
    {"UTC", "timestamp", "2024-01-02 03:04:05+530", "", "2024-01-02 03:04:05"},
    {"UTC", "timestamp", "2024-01-02 03:04:05-08:00:30", "", "2024-01-02 03:04:05"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05.678", "",
        "2024-01-02 03:04:05.678-05"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05.678", "",
        "2024-07-02 03:04:05.678-04"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05+02", "", "2024-01-01 20:04:05-05"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05+05:30", "", "2024-01-01 16:34:05-05"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05-0800", "", "2024-01-02 06:04:05-05"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05Z", "", "2024-01-01 22:04:05-05"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05 UTC", "", "2024-01-01 22:04:05-05"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05 GMT", "", "2024-01-01 22:04:05-05"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05 EST", "", "2024-01-02 03:04:05-05"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 EDT", "", "2024-07-02 03:04:05-04"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05 CST", "", "2024-01-02 04:04:05-05"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 CDT", "", "2024-07-02 04:04:05-04"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05 MST", "", "2024-01-02 05:04:05-05"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 MDT", "", "2024-07-02 05:04:05-04"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05 PST", "", "2024-01-02 06:04:05-05"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 PDT", "", "2024-07-02 06:04:05-04"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05 CET", "", "2024-01-01 21:04:05-05"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 CEST", "", "2024-07-01 21:04:05-04"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 MSK", "", "2024-07-01 20:04:05-04"},
    {"America/New_York", "timestamptz", "2014-07-02 03:04:05 MSK", "", "2014-07-01 19:04:05-04"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 Europe/Berlin", "",
        "2024-07-01 21:04:05-04"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05 Europe/Berlin", "",
        "2024-01-01 21:04:05-05"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 america/new_york", "",
        "2024-07-02 03:04:05-04"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 Asia/Kolkata", "",
        "2024-07-01 17:34:05-04"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 UTC+3", "", "2024-07-02 02:04:05-04"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 EST5EDT", "",
        "2024-07-02 03:04:05-04"},
    {"America/New_York", "timestamptz", "2024-03-10 01:59:59", "", "2024-03-10 01:59:59-05"},
    {"America/New_York", "timestamptz", "2024-03-10 02:00:00", "", "2024-03-10 03:00:00-04"},
    {"America/New_York", "timestamptz", "2024-03-10 02:30:00", "", "2024-03-10 03:30:00-04"},
    {"America/New_York", "timestamptz", "2024-03-10 03:00:00", "", "2024-03-10 03:00:00-04"},
    {"America/New_York", "timestamptz", "2024-11-03 00:59:59", "", "2024-11-03 00:59:59-04"},
    {"America/New_York", "timestamptz", "2024-11-03 01:00:00", "", "2024-11-03 01:00:00-05"},
    {"America/New_York", "timestamptz", "2024-11-03 01:30:00", "", "2024-11-03 01:30:00-05"},
    {"America/New_York", "timestamptz", "2024-11-03 02:00:00", "", "2024-11-03 02:00:00-05"},
    {"America/New_York", "timestamptz", "2024-11-03 01:30:00 EDT", "", "2024-11-03 01:30:00-04"},
    {"America/New_York", "timestamptz", "2024-11-03 01:30:00 EST", "", "2024-11-03 01:30:00-05"},
    {"America/New_York", "timestamptz", "1850-07-01 12:00", "", "1850-07-01 12:00:00-04:56:02"},
    {"America/New_York", "timestamptz", "1900-01-01 00:00", "", "1900-01-01 00:00:00-05"},
    {"America/New_York", "timestamptz", "0044-03-15 12:00 BC", "",
        "0044-03-15 12:00:00-04:56:02 BC"},
    {"America/New_York", "timestamptz", "3000-07-01 12:00", "", "3000-07-01 12:00:00-04"},
    {"America/New_York", "timestamptz", "infinity", "", "infinity"},
    {"America/New_York", "timestamptz", "-infinity", "", "-infinity"},
    {"America/New_York", "timestamptz", "epoch", "", "1969-12-31 19:00:00-05"},
    {"America/New_York", "timestamptz", "2024-01-02 allballs", "", "2024-01-01 19:00:00-05"},
    {"America/New_York", "timestamptz", "294276-12-31 23:59:59.999999+00", "",
        "294276-12-31 18:59:59.999999-05"},
    {"America/New_York", "timestamptz", "294276-12-31 23:59:59.999999", "",
        "ERROR 22008: timestamp out of range: \"294276-12-31 23:59:59.999999\""},
    {"America/New_York", "timestamptz", "294277-01-01 03:00:00+05", "", "294276-12-31 17:00:00-05"},
    {"America/New_York", "timestamptz", "4714-11-24 00:00:00+00 BC", "",
        "4714-11-23 19:03:58-04:56:02 BC"},
    {"America/New_York", "timestamptz", "4714-11-24 00:00:00 BC", "",
        "4714-11-24 00:00:00-04:56:02 BC"},
    {"America/New_York", "timestamptz", "4714-11-24 01:00:00+02 BC", "",
        "ERROR 22008: timestamp out of range: \"4714-11-24 01:00:00+02 BC\""},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05 PST8PDT", "",
        "2024-01-02 06:04:05-05"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05 Mars/Base", "",
        "ERROR 22023: time zone \"mars/base\" not recognized"},
    {"America/New_York", "timestamptz", "J2451187-08", "", "1999-01-08 03:00:00-05"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05 +5", "", "2024-01-01 17:04:05-05"},
    {"America/New_York", "timestamptz", "2024-01-02 03:04:05 -08:00:30", "",
        "2024-01-02 06:04:35-05"},
    {"America/New_York", "timestamptz", "1999-01-08 04:05:06 z", "", "1999-01-07 23:05:06-05"},
    {"America/New_York", "timestamptz", "Jan 8 04:05:06 PST 1999", "", "1999-01-08 07:05:06-05"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 ART", "", "2024-07-02 02:04:05-04"},
    {"America/New_York", "timestamptz", "2024-07-02 03:04:05 SGT", "", "2024-07-01 15:04:05-04"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05.678", "", "2024-01-02 03:04:05.678+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05.678", "", "2024-07-02 03:04:05.678+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05+02", "", "2024-01-02 06:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05+05:30", "", "2024-01-02 03:04:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05-0800", "", "2024-01-02 16:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05Z", "", "2024-01-02 08:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05 UTC", "", "2024-01-02 08:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05 GMT", "", "2024-01-02 08:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05 EST", "", "2024-01-02 13:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 EDT", "", "2024-07-02 12:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05 CST", "", "2024-01-02 14:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 CDT", "", "2024-07-02 13:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05 MST", "", "2024-01-02 15:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 MDT", "", "2024-07-02 14:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05 PST", "", "2024-01-02 16:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 PDT", "", "2024-07-02 15:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05 CET", "", "2024-01-02 07:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 CEST", "", "2024-07-02 06:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 MSK", "", "2024-07-02 05:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2014-07-02 03:04:05 MSK", "", "2014-07-02 04:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 Europe/Berlin", "",
        "2024-07-02 06:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05 Europe/Berlin", "",
        "2024-01-02 07:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 america/new_york", "",
        "2024-07-02 12:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 Asia/Kolkata", "",
        "2024-07-02 03:04:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 UTC+3", "", "2024-07-02 11:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 EST5EDT", "", "2024-07-02 12:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-03-10 01:59:59", "", "2024-03-10 01:59:59+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-03-10 02:00:00", "", "2024-03-10 02:00:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-03-10 02:30:00", "", "2024-03-10 02:30:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-03-10 03:00:00", "", "2024-03-10 03:00:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-11-03 00:59:59", "", "2024-11-03 00:59:59+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-11-03 01:00:00", "", "2024-11-03 01:00:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-11-03 01:30:00", "", "2024-11-03 01:30:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-11-03 02:00:00", "", "2024-11-03 02:00:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-11-03 01:30:00 EDT", "", "2024-11-03 11:00:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-11-03 01:30:00 EST", "", "2024-11-03 12:00:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "1850-07-01 12:00", "", "1850-07-01 12:00:00+05:53:28"},
    {"Asia/Kolkata", "timestamptz", "1900-01-01 00:00", "", "1900-01-01 00:00:00+05:21:10"},
    {"Asia/Kolkata", "timestamptz", "0044-03-15 12:00 BC", "", "0044-03-15 12:00:00+05:53:28 BC"},
    {"Asia/Kolkata", "timestamptz", "3000-07-01 12:00", "", "3000-07-01 12:00:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "infinity", "", "infinity"},
    {"Asia/Kolkata", "timestamptz", "-infinity", "", "-infinity"},
    {"Asia/Kolkata", "timestamptz", "epoch", "", "1970-01-01 05:30:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 allballs", "", "2024-01-02 05:30:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "294276-12-31 23:59:59.999999+00", "",
        "294277-01-01 05:29:59.999999+05:30"},
    {"Asia/Kolkata", "timestamptz", "294276-12-31 23:59:59.999999", "",
        "294276-12-31 23:59:59.999999+05:30"},
    {"Asia/Kolkata", "timestamptz", "294277-01-01 03:00:00+05", "", "294277-01-01 03:30:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "4714-11-24 00:00:00+00 BC", "",
        "4714-11-24 05:53:28+05:53:28 BC"},
    {"Asia/Kolkata", "timestamptz", "4714-11-24 00:00:00 BC", "",
        "ERROR 22008: timestamp out of range: \"4714-11-24 00:00:00 BC\""},
    {"Asia/Kolkata", "timestamptz", "4714-11-24 01:00:00+02 BC", "",
        "ERROR 22008: timestamp out of range: \"4714-11-24 01:00:00+02 BC\""},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05 PST8PDT", "", "2024-01-02 16:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05 Mars/Base", "",
        "ERROR 22023: time zone \"mars/base\" not recognized"},
    {"Asia/Kolkata", "timestamptz", "J2451187-08", "", "1999-01-08 13:30:00+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05 +5", "", "2024-01-02 03:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-01-02 03:04:05 -08:00:30", "",
        "2024-01-02 16:34:35+05:30"},
    {"Asia/Kolkata", "timestamptz", "1999-01-08 04:05:06 z", "", "1999-01-08 09:35:06+05:30"},
    {"Asia/Kolkata", "timestamptz", "Jan 8 04:05:06 PST 1999", "", "1999-01-08 17:35:06+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 ART", "", "2024-07-02 11:34:05+05:30"},
    {"Asia/Kolkata", "timestamptz", "2024-07-02 03:04:05 SGT", "", "2024-07-02 00:34:05+05:30"},
    {"UTC", "interval", "1 day", "", "1 day"},
    {"UTC", "interval", "1 year 2 months 3 days 04:05:06.5", "", "1 year 2 mons 3 days 04:05:06.5"},
    {"UTC", "interval", "2 hours 30 minutes", "", "02:30:00"},
    {"UTC", "interval", "-1 day +02:00", "", "-1 days +02:00:00"},
    {"UTC", "interval", "1.5 days", "", "1 day 12:00:00"},
    {"UTC", "interval", "1.5 months", "", "1 mon 15 days"},
    {"UTC", "interval", "1.5 years", "", "1 year 6 mons"},
    {"UTC", "interval", "1.01 years", "", "1 year"},
    {"UTC", "interval", "1.5 weeks", "", "10 days 12:00:00"},
    {"UTC", "interval", "0.1 decades", "", "1 year"},
    {"UTC", "interval", "P1Y2M3DT4H5M6S", "", "1 year 2 mons 3 days 04:05:06"},
    {"UTC", "interval", "P1Y2M3DT4H5M6.5S", "", "1 year 2 mons 3 days 04:05:06.5"},
    {"UTC", "interval", "P0001-02-03T04:05:06", "", "1 year 2 mons 3 days 04:05:06"},
    {"UTC", "interval", "P00010203T040506", "", "1 year 2 mons 3 days 04:05:06"},
    {"UTC", "interval", "P1.5Y", "", "1 year 6 mons"},
    {"UTC", "interval", "P1W", "", "7 days"},
    {"UTC", "interval", "PT1.5H", "", "01:30:00"},
    {"UTC", "interval", "P-1Y-2M", "", "-1 years -2 mons"},
    {"UTC", "interval", "@ 1 minute ago", "", "-00:01:00"},
    {"UTC", "interval", "10:00", "", "10:00:00"},
    {"UTC", "interval", "1 mon", "", "1 mon"},
    {"UTC", "interval", "infinity", "",
        "ERROR 22007: invalid input syntax for type interval: \"infinity\""},
    {"UTC", "interval", "-infinity", "",
        "ERROR 22007: invalid input syntax for type interval: \"-infinity\""},
    {"UTC", "interval", "00:00:00", "", "00:00:00"},
    {"UTC", "interval", "0", "", "00:00:00"},
    {"UTC", "interval", "10", "", "00:00:10"},
    {"UTC", "interval", "1 2", "", "ERROR 22007: invalid input syntax for type interval: \"1 2\""},
    {"UTC", "interval", "1-2", "", "1 year 2 mons"},
    {"UTC", "interval", "-1-2", "", "-1 years -2 mons"},
    {"UTC", "interval", "1-2 3 4:05:06", "", "1 year 2 mons 3 days 04:05:06"},
    {"UTC", "interval", "+1-2 +3 +4:05:06", "", "1 year 2 mons 3 days 04:05:06"},
    {"UTC", "interval", "-1 -2:03:04", "", "-1 days -02:03:04"},
    {"UTC", "interval", "1 day -1 hour", "", "1 day -01:00:00"},
    {"UTC", "interval", "-1 days +1 hour", "", "-1 days +01:00:00"},
    {"UTC", "interval", "1 year -1 month", "", "11 mons"},
    {"UTC", "interval", "-1 year +1 month", "", "-11 mons"},
    {"UTC", "interval", "-1 year -1 month -1 day -01:00:00", "",
        "-1 years -1 mons -1 days -01:00:00"},
    {"UTC", "interval", "1 day ago", "", "-1 days"},
    {"UTC", "interval", "1 year 2 mons ago", "", "-1 years -2 mons"},
    {"UTC", "interval", "@ 1 year 2 mons 3 days 04:05:06 ago", "",
        "-1 years -2 mons -3 days -04:05:06"},
    {"UTC", "interval", "02:00 1.5 days", "", "1 day 02:00:00"},
    {"UTC", "interval", "1.5 days 02:00", "", "1 day 14:00:00"},
    {"UTC", "interval", "1 qtr", "",
        "ERROR 22007: invalid input syntax for type interval: \"1 qtr\""},
    {"UTC", "interval", "1 day day", "", "1 day"},
    {"UTC", "interval", "1 day ago 2 hours", "", "-1 days -02:00:00"},
    {"UTC", "interval", "1000000000000 years", "",
        "ERROR 22015: interval field value out of range: \"1000000000000 years\""},
    {"UTC", "interval", "2147483647 years", "", "ERROR 22008: interval out of range"},
    {"UTC", "interval", "178956970 years", "", "178956970 years"},
    {"UTC", "interval", "178956970 years 7 months", "", "178956970 years 7 mons"},
    {"UTC", "interval", "178956970 years 8 months", "", "ERROR 22008: interval out of range"},
    {"UTC", "interval", "2147483647 days", "", "2147483647 days"},
    {"UTC", "interval", "2147483648 days", "",
        "ERROR 22015: interval field value out of range: \"2147483648 days\""},
    {"UTC", "interval", "9223372036854775807 microseconds", "", "2562047788:00:54.775807"},
    {"UTC", "interval", "9223372036854775808 microseconds", "",
        "ERROR 22015: interval field value out of range: \"9223372036854775808 microseconds\""},
    {"UTC", "interval", "2562047788 hours", "", "2562047788:00:00"},
    {"UTC", "interval", "2562047789 hours", "",
        "ERROR 22015: interval field value out of range: \"2562047789 hours\""},
    {"UTC", "interval", "-2147483648 days ago", "",
        "ERROR 22015: interval field value out of range: \"-2147483648 days ago\""},
    {"UTC", "interval", "1 century", "", "100 years"},
    {"UTC", "interval", "2 millennia", "", "2000 years"},
    {"UTC", "interval", "3 decades", "", "30 years"},
    {"UTC", "interval", "5 microseconds", "", "00:00:00.000005"},
    {"UTC", "interval", "5.5 milliseconds", "", "00:00:00.0055"},
    {"UTC", "interval", "5 ms 5 us", "", "00:00:00.005005"},
    {"UTC", "interval", "1.2345678 seconds", "", "00:00:01.234568"},
    {"UTC", "interval", "0.0000005 seconds", "", "00:00:00"},
    {"UTC", "interval", "0.0000015 seconds", "", "00:00:00.000001"},
    {"UTC", "interval", "-0.0000005 seconds", "", "00:00:00"},
    {"UTC", "interval", "1 h 2 m 3 s", "", "01:02:03"},
    {"UTC", "interval", "1 hr 2 min 3 sec", "", "01:02:03"},
    {"UTC", "interval", "1 w", "", "7 days"},
    {"UTC", "interval", "1 y 2 mon", "", "1 year 2 mons"},
    {"UTC", "interval", "100:00:00", "", "100:00:00"},
    {"UTC", "interval", "-100:00:00", "", "-100:00:00"},
    {"UTC", "interval", "1:2", "", "01:02:00"},
    {"UTC", "interval", "1:2:3.4", "", "01:02:03.4"},
    {"UTC", "interval", "12:34.5", "", "00:12:34.5"},
    {"UTC", "interval", "'1 day'", "", "1 day"},
    {"UTC", "interval", "1 day, 2 hours", "", "1 day 02:00:00"},
    {"UTC", "interval", "1 day 2 days", "",
        "ERROR 22007: invalid input syntax for type interval: \"1 day 2 days\""},
    {"UTC", "interval", "1 timezone", "",
        "ERROR 22007: invalid input syntax for type interval: \"1 timezone\""},
    {"UTC", "interval", "abc", "", "ERROR 22007: invalid input syntax for type interval: \"abc\""},
    {"UTC", "interval", "", "", "ERROR 22007: invalid input syntax for type interval: \"\""},
    {"UTC", "interval", "@", "", "ERROR 22007: invalid input syntax for type interval: \"@\""},
    {"UTC", "interval", "ago", "", "ERROR 22007: invalid input syntax for type interval: \"ago\""},
    {"UTC", "interval", "1 microseconds", "", "00:00:00.000001"},
    {"UTC", "interval", "1 millisecondss", "", "00:00:00.001"},
    {"UTC", "interval", "1 microsecondsfoo", "", "00:00:00.000001"},
    {"UTC", "interval", "-00:00:01", "", "-00:00:01"},
    {"UTC", "interval", "- 1 day", "", "-1 days"},
    {"UTC", "interval", "+1 day", "", "1 day"},
    {"UTC", "interval", ".5 days", "", "12:00:00"},
    {"UTC", "interval", "-.5 days", "",
        "ERROR 22007: invalid input syntax for type interval: \"-.5 days\""},
    {"UTC", "interval", "1.5", "", "00:00:01.5"},
    {"UTC", "interval", "1 day 1.5", "", "1 day 00:00:01.5"},
    {"UTC", "interval", "10:60", "", "ERROR 22015: interval field value out of range: \"10:60\""},
    {"UTC", "interval", "10:59:60", "", "11:00:00"},
    {"UTC", "interval", "10:59:61", "",
        "ERROR 22015: interval field value out of range: \"10:59:61\""},
    {"UTC", "interval", "P", "", "ERROR 22007: invalid input syntax for type interval: \"P\""},
    {"UTC", "interval", "PT", "", "00:00:00"},
    {"UTC", "interval", "P1", "", "1 year"},
    {"UTC", "interval", "P1D1", "",
        "ERROR 22007: invalid input syntax for type interval: \"P1D1\""},
    {"UTC", "interval", "PT1H2", "",
        "ERROR 22007: invalid input syntax for type interval: \"PT1H2\""},
    {"UTC", "interval", "P0.5Y0.5M", "", "6 mons 15 days"},
    {"UTC", "interval", "P1Y-2M", "", "10 mons"},
    {"UTC", "interval", "P2W3D", "", "17 days"},
    {"UTC", "interval", "1e3 days", "",
        "ERROR 22007: invalid input syntax for type interval: \"1e3 days\""},
    {"UTC", "interval", "1 day 01:00 02:00", "",
        "ERROR 22007: invalid input syntax for type interval: \"1 day 01:00 02:00\""},
    {"UTC", "interval", "1 2:00", "", "1 day 02:00:00"},
    {"UTC", "interval", "1 month 1 mon", "",
        "ERROR 22007: invalid input syntax for type interval: \"1 month 1 mon\""},
    {"UTC", "interval", "7 days 1 week", "", "14 days"},
    {"UTC", "interval", "1 year 1 decade", "", "11 years"},
    {"UTC", "settz", "utc", "", "UTC"},
    {"UTC", "settz", "UTC", "", "UTC"},
    {"UTC", "settz", "GMT", "", "GMT"},
    {"UTC", "settz", "Z", "", "ERROR 22023: invalid value for parameter \"TimeZone\": \"Z\""},
    {"UTC", "settz", "Etc/GMT+5", "", "Etc/GMT+5"},
    {"UTC", "settz", "etc/gmt-3", "", "Etc/GMT-3"},
    {"UTC", "settz", "EST", "", "EST"},
    {"UTC", "settz", "Asia/Kolkata", "", "Asia/Kolkata"},
    {"UTC", "settz", "PST8PDT", "", "PST8PDT"},
    {"UTC", "settz", "CET", "", "CET"},
    {"UTC", "settz", "posixrules", "", "posixrules"},
    {"UTC", "settz", "-7", "", "<-07>+07"},
    {"UTC", "settz", "7.5", "", "<+07:30>-07:30"},
    {"UTC", "settz", "+5", "", "<+05>-05"},
    {"UTC", "settz", "UTC-05:30", "", "UTC-05:30"},
    {"UTC", "settz", "XYZ-3:30:15", "",
        "ERROR 22023: time zone \"XYZ-3:30:15\" appears to use leap seconds"},
    {"UTC", "settz", "<+0530>-0530", "",
        "ERROR 22023: invalid value for parameter \"TimeZone\": \"<+0530>-0530\""},
    {"UTC", "settz", "<+0530>-05:30", "", "<+0530>-05:30"},
    {"UTC", "settz", "abc", "", "ERROR 22023: invalid value for parameter \"TimeZone\": \"abc\""},
    {"UTC", "settz", "", "", "ERROR 22023: invalid value for parameter \"TimeZone\": \"\""},
    {"UTC", "settz", "Europe/Berlin ", "",
        "ERROR 22023: invalid value for parameter \"TimeZone\": \"Europe/Berlin \""},
    {"UTC", "settz", "europe//berlin", "",
        "ERROR 22023: invalid value for parameter \"TimeZone\": \"europe//berlin\""},
    {"UTC", "settz", "UTC0", "", "UTC0"},
    {"UTC", "settz", "JST-9", "", "JST-9"},
    {"UTC", "settz", "america/argentina/buenos_aires", "", "America/Argentina/Buenos_Aires"},
    {"UTC", "settz", "US/Eastern", "", "US/Eastern"},
    {"UTC", "settz", "posix/Europe/Paris", "", "posix/Europe/Paris"},
    {"UTC", "settz", "right/UTC", "",
        "ERROR 22023: time zone \"right/UTC\" appears to use leap seconds"},
    {"UTC", "settz", "Europe/../UTC", "",
        "ERROR 22023: invalid value for parameter \"TimeZone\": \"Europe/../UTC\""},
    {"UTC", "settz", "A5", "", "A5"},
    {"UTC", "settz", "<A>5", "", "<A>5"},
    {"UTC", "settz", "ABC", "", "ERROR 22023: invalid value for parameter \"TimeZone\": \"ABC\""},
    {"UTC", "settz", "abc5def", "", "ABC5DEF"},
    {"UTC", "settz", "ABC5DEF,M3.2.0,M11.1.0", "", "ABC5DEF,M3.2.0,M11.1.0"},
    {"UTC", "settz", "ABC5DEF,M3.2.0", "",
        "ERROR 22023: invalid value for parameter \"TimeZone\": \"ABC5DEF,M3.2.0\""},
    {"UTC", "settz", "ABC168", "",
        "ERROR 22023: invalid value for parameter \"TimeZone\": \"ABC168\""},
    {"UTC", "settz", "ABC167", "", "ABC167"},
    {"UTC", "settz", "200", "", "ERROR 22023: invalid value for parameter \"TimeZone\": \"200\""},
    {"UTC", "settz", "15.999", "", "<+15:59:56>-15:59:56"},
    {"UTC", "settz", "167", "", "<+167>-167"},
    {"UTC", "settz", "168", "", "ERROR 22023: invalid value for parameter \"TimeZone\": \"168\""},
    {"UTC", "settz", "1e1", "", "<+10>-10"},
    {"UTC", "settz", " 5", "", "<+05>-05"},
    {"UTC", "settz", "5 ", "", "5 "},
    {"UTC", "settz", "inf", "", "ERROR 22023: invalid value for parameter \"TimeZone\": \"inf\""},
    {"UTC", "settz", "0x10", "", "<+16>-16"},
    {"UTC", "settz", "-0", "", "<+00>-00"},
    {"UTC", "settz", "+02:00", "", "+02:00"},
    {"UTC", "settz", "Mars/Base", "",
        "ERROR 22023: invalid value for parameter \"TimeZone\": \"Mars/Base\""},
    {"UTC", "settz", "zone.tab", "",
        "ERROR 22023: invalid value for parameter \"TimeZone\": \"zone.tab\""},
    {"UTC", "settz", "America", "",
        "ERROR 22023: invalid value for parameter \"TimeZone\": \"America\""},
    {"UTC", "settz", "/etc/localtime", "",
        "ERROR 22023: invalid value for parameter \"TimeZone\": \"/etc/localtime\""},
    {"UTC", "settz", ":UTC", "", "UTC"},
    {"UTC", "settz", "Factory", "", "Factory"},
};
// clang-format on

std::string Show(const Status& s) {
  return "ERROR " + std::string(s.sqlstate()) + ": " + s.message();
}

TimeZone Zone(const char* name) {
  Result<TimeZone> tz = TimeZone::Load(name);
  EXPECT_TRUE(tz.ok()) << name;
  return tz.ok() ? *tz : TimeZone();
}

// Parses `input` as `type` and prints the value back, as "'input'::type::text" does.
std::string ParseAndFormat(const std::string& type, const std::string& input, const TimeZone& tz) {
  DateTimeContext ctx{&tz, 0};
  if (type == "date") {
    Result<int32_t> r = ParseDate(input, ctx);
    return r.ok() ? FormatDate(*r) : Show(r.status());
  }
  if (type == "time") {
    Result<int64_t> r = ParseTime(input, ctx);
    return r.ok() ? FormatTime(*r) : Show(r.status());
  }
  if (type == "timestamp") {
    Result<int64_t> r = ParseTimestamp(input, ctx);
    return r.ok() ? FormatTimestamp(*r) : Show(r.status());
  }
  if (type == "timestamptz") {
    Result<int64_t> r = ParseTimestampTz(input, ctx);
    return r.ok() ? FormatTimestampTz(*r, tz) : Show(r.status());
  }
  if (type == "interval") {
    Result<Interval> r = ParseInterval(input);
    return r.ok() ? FormatInterval(*r) : Show(r.status());
  }
  if (type == "settz") {
    Result<TimeZone> r = TimeZone::Load(input);
    return r.ok() ? r->name() : Show(r.status());
  }
  return "unknown type " + type;
}

TEST(DateTimeTest, InputAndOutputMatchPostgres) {
  for (const Case& c : kCases) {
    TimeZone tz = Zone(c.zone);
    EXPECT_EQ(ParseAndFormat(c.op, c.input, tz), c.expected)
        << c.op << " '" << c.input << "' with TimeZone " << c.zone;
  }
}

TEST(DateTimeTest, OutputReadsBackUnchanged) {
  for (const Case& c : kCases) {
    std::string op = c.op;
    if (op == "settz" || std::string(c.expected).rfind("ERROR", 0) == 0) continue;
    TimeZone tz = Zone(c.zone);
    EXPECT_EQ(ParseAndFormat(op, c.expected, tz), c.expected) << op << " '" << c.expected << "'";
  }
}

TEST(DateTimeTest, Representations) {
  DateTimeContext ctx;
  EXPECT_EQ(*ParseDate("2000-01-01", ctx), 0);
  EXPECT_EQ(*ParseDate("1999-12-31", ctx), -1);
  EXPECT_EQ(*ParseDate("infinity", ctx), kDateInfinity);
  EXPECT_EQ(*ParseDate("-infinity", ctx), kDateNegInfinity);
  EXPECT_EQ(*ParseDate("epoch", ctx), -10957);
  EXPECT_EQ(*ParseTimestamp("2000-01-01", ctx), 0);
  EXPECT_EQ(*ParseTimestamp("2000-01-01 00:00:01.5", ctx), 1500000);
  EXPECT_EQ(*ParseTimestamp("infinity", ctx), kTimestampInfinity);
  EXPECT_EQ(*ParseTimestampTz("-infinity", ctx), kTimestampNegInfinity);
  EXPECT_EQ(*ParseTimestampTz("2000-01-01 01:00+01", ctx), 0);
  EXPECT_EQ(*ParseTime("24:00:00", ctx), kUsecsPerDay);
  EXPECT_EQ(*ParseTime("00:00:00.000001", ctx), 1);
  Interval iv = *ParseInterval("1 year 2 mons 3 days 04:05:06.5");
  EXPECT_EQ(iv.months, 14);
  EXPECT_EQ(iv.days, 3);
  EXPECT_EQ(iv.micros, ((4 * 60 + 5) * 60 + 6) * kUsecsPerSec + 500000);
  EXPECT_EQ(FormatDate(0), "2000-01-01");
  EXPECT_EQ(FormatTimestamp(-kUnixToPgEpochSecs * kUsecsPerSec), "1970-01-01 00:00:00");
  EXPECT_EQ(FormatTime(0), "00:00:00");
  EXPECT_EQ(FormatInterval(Interval{}), "00:00:00");
  EXPECT_EQ(FormatInterval(Interval{-1, 0, 0}), "-00:00:00.000001");
  EXPECT_EQ(FormatInterval(Interval{std::numeric_limits<int64_t>::min(), 0, 0}),
            "-2562047788:00:54.775808");
}

TEST(DateTimeTest, SessionClockWords) {
  TimeZone ny = Zone("America/New_York");
  TimeZone tokyo = Zone("Asia/Tokyo");
  DateTimeContext ctx_ny{&ny, 0};
  // 2024-03-10 06:30 UTC: 01:30 EST in New York, 15:30 in Tokyo.
  ctx_ny.now_us = *ParseTimestampTz("2024-03-10 06:30:00.25+00", ctx_ny);
  DateTimeContext ctx_tokyo{&tokyo, ctx_ny.now_us};
  DateTimeContext ctx_utc{nullptr, ctx_ny.now_us};
  EXPECT_EQ(*ParseTimestampTz("now", ctx_ny), ctx_ny.now_us);
  EXPECT_EQ(*ParseTimestampTz("now", ctx_tokyo), ctx_ny.now_us);
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("now", ctx_ny)), "2024-03-10 01:30:00.25");
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("now", ctx_tokyo)), "2024-03-10 15:30:00.25");
  EXPECT_EQ(FormatTime(*ParseTime("now", ctx_ny)), "01:30:00.25");
  EXPECT_EQ(FormatDate(*ParseDate("today", ctx_ny)), "2024-03-10");
  EXPECT_EQ(FormatDate(*ParseDate("tomorrow", ctx_utc)), "2024-03-11");
  EXPECT_EQ(FormatDate(*ParseDate("yesterday", ctx_tokyo)), "2024-03-09");
  EXPECT_EQ(FormatDate(*ParseDate("now", ctx_ny)), "2024-03-10");
  EXPECT_EQ(FormatTimestampTz(*ParseTimestampTz("today", ctx_ny), ny), "2024-03-10 00:00:00-05");
  EXPECT_EQ(FormatTimestampTz(*ParseTimestampTz("tomorrow", ctx_ny), ny), "2024-03-11 00:00:00-04");
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("today 10:00", ctx_ny)), "2024-03-10 10:00:00");
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("10:00 yesterday", ctx_ny)), "2024-03-09 10:00:00");
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("allballs today", ctx_ny)), "2024-03-10 00:00:00");
}

TEST(DateTimeTest, ErrorDetails) {
  DateTimeContext ctx;
  Status s = ParseDate("13/13/2024", ctx).status();
  EXPECT_EQ(s.sqlstate(), "22008");
  EXPECT_EQ(s.hint(), "Perhaps you need a different \"datestyle\" setting.");
  EXPECT_EQ(ParseDate("2024-02-30", ctx).status().hint(), "");
  s = TimeZone::Load("200").status();
  EXPECT_EQ(s.message(), "invalid value for parameter \"TimeZone\": \"200\"");
  EXPECT_EQ(s.detail(), "UTC timezone offset is out of range.");
  s = TimeZone::Load("XYZ-3:30:15").status();
  EXPECT_EQ(s.detail(), "PostgreSQL does not support leap seconds.");
}

TEST(DateTimeTest, TypmodPrecision) {
  DateTimeContext ctx;
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("2024-01-01 10:00:00.5", ctx, 0)),
            "2024-01-01 10:00:01");
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("2024-01-01 10:00:00.125", ctx, 2)),
            "2024-01-01 10:00:00.13");
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("0044-03-15 10:00:00.125 BC", ctx, 2)),
            "0044-03-15 10:00:00.12 BC");
  EXPECT_EQ(FormatTime(*ParseTime("23:59:59.5", ctx, 0)), "24:00:00");
  EXPECT_EQ(FormatInterval(*ParseInterval("-1 day -00:00:00.25", 1)), "-1 days -00:00:00.3");
  EXPECT_EQ(RoundMicros(1500000, 0), 2000000);
  EXPECT_EQ(RoundMicros(-1500000, 0), -2000000);
  EXPECT_EQ(RoundMicros(1499999, 0), 1000000);
  EXPECT_EQ(RoundMicros(123456, 3), 123000);
  EXPECT_EQ(RoundMicros(123500, 3), 124000);
  EXPECT_EQ(RoundMicros(123456, 6), 123456);
  EXPECT_EQ(RoundMicros(123456, -1), 123456);
  EXPECT_EQ(RoundMicros(kTimestampInfinity, 0), kTimestampInfinity);
  EXPECT_EQ(RoundMicros(kTimestampNegInfinity, 0), kTimestampNegInfinity);
}

TEST(DateTimeTest, TimeZoneOffsets) {
  TimeZone ny = Zone("america/new_york");
  EXPECT_EQ(ny.name(), "America/New_York");
  DateTimeContext utc;
  int64_t winter = *ParseTimestamp("2024-01-15 12:00", utc);
  int64_t summer = *ParseTimestamp("2024-07-15 12:00", utc);
  EXPECT_EQ(ny.UtcOffsetAt(winter), -5 * 3600);
  EXPECT_EQ(ny.UtcOffsetAt(summer), -4 * 3600);
  EXPECT_EQ(ny.AbbreviationAt(winter), "EST");
  EXPECT_EQ(ny.AbbreviationAt(summer), "EDT");
  // 2024-03-10 02:30 does not exist in New York: the offset before the jump (EST) applies.
  EXPECT_EQ(ny.UtcOffsetForLocal(*ParseTimestamp("2024-03-10 02:30", utc)), -5 * 3600);
  EXPECT_EQ(ny.UtcOffsetForLocal(*ParseTimestamp("2024-03-10 03:00", utc)), -4 * 3600);
  // 2024-11-03 01:30 happens twice: the offset after the change (EST) applies.
  EXPECT_EQ(ny.UtcOffsetForLocal(*ParseTimestamp("2024-11-03 01:30", utc)), -5 * 3600);
  EXPECT_EQ(ny.UtcOffsetForLocal(*ParseTimestamp("2024-11-03 00:59:59", utc)), -4 * 3600);
  // Local mean time before standard time: -04:56:02.
  EXPECT_EQ(ny.UtcOffsetAt(*ParseTimestamp("1850-01-01", utc)), -(4 * 3600 + 56 * 60 + 2));
  TimeZone kolkata = Zone("Asia/Kolkata");
  EXPECT_EQ(kolkata.UtcOffsetAt(winter), 5 * 3600 + 1800);
  EXPECT_EQ(TimeZone().name(), "UTC");
  EXPECT_EQ(TimeZone().UtcOffsetAt(summer), 0);
  TimeZone fixed = TimeZone::FixedOffset(5 * 3600 + 1800);
  EXPECT_EQ(fixed.name(), "<+05:30>-05:30");
  EXPECT_EQ(fixed.UtcOffsetAt(summer), 19800);
  EXPECT_EQ(fixed.AbbreviationAt(summer), "+05:30");
  EXPECT_EQ(TimeZone::FixedOffset(-7 * 3600).name(), "<-07>+07");
  // POSIX specifications count west of Greenwich as positive.
  TimeZone posix = Zone("EST5EDT4,M3.2.0,M11.1.0");
  EXPECT_EQ(posix.UtcOffsetAt(winter), -5 * 3600);
  EXPECT_EQ(posix.UtcOffsetAt(summer), -4 * 3600);
  EXPECT_EQ(posix.AbbreviationAt(summer), "EDT");
  EXPECT_EQ(Zone("+02:00").UtcOffsetAt(summer), -2 * 3600);
  EXPECT_EQ(Zone("2").UtcOffsetAt(summer), 2 * 3600);
}

}  // namespace
}  // namespace omendb
