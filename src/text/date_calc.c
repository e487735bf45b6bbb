/* Date arithmetic for the calendar views: day numbers, weekdays, adding
 * days and months. Written here rather than through timegm because time_t
 * has 32 bits on armhf Raspberry Pi OS, and the stored range reaches 2199. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tapian/text.h"

bool text_date_is_leap(int year, bool buddhist_era)
{
    if (buddhist_era)
        year -= 543;
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int text_date_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && text_date_is_leap(year, false) ? 29 : days[month - 1];
}

/* Days from civil: the proleptic Gregorian count in eras of 400 years
 * (146097 days), with March as the first month so that the leap day comes
 * last in a year. */
long text_date_to_days(text_date d)
{
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

text_date text_date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    text_date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    return d;
}

int text_date_weekday(text_date d)
{
    long z = text_date_to_days(d); /* 1970-01-01 was a Thursday */
    return (int)(((z % 7) + 7 + 4) % 7);
}

text_date text_date_add_days(text_date d, long n)
{
    return text_date_from_days(text_date_to_days(d) + n);
}

text_date text_date_add_months(text_date d, int n)
{
    long m = (long)d.year * 12 + (d.month - 1) + n;
    text_date r = {(int)(m / 12), (int)(m % 12) + 1, d.day};
    int last = text_date_days_in_month(r.year, r.month);
    if (r.day > last)
        r.day = last;
    return r;
}

int text_date_compare(text_date a, text_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    return a.day < b.day ? -1 : a.day > b.day;
}

text_date text_date_today(void)
{
    text_date d;
    const char *fixed = getenv("TAPIAN_TODAY");
    if (fixed && text_date_parse(fixed, strlen(fixed), &d) == TP_OK)
        return d;
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    return d;
}

const char *text_weekday_abbr(int weekday, bool english)
{
    static const char *const th[7] = {"อา", "จ", "อ", "พ", "พฤ", "ศ", "ส"};
    static const char *const en[7] = {"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"};
    if (weekday < 0 || weekday > 6)
        return NULL;
    return english ? en[weekday] : th[weekday];
}

const char *text_month_name_en(int month)
{
    static const char *const en[12] = {
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    return month >= 1 && month <= 12 ? en[month - 1] : NULL;
}
