//! Dates as the posts write them, turned into UTC.
//!
//! Feed generators write RFC 2822 (`Sat, 05 Feb 2022 11:48:54 GMT`); Hexo users
//! write `YYYY-MM-DD HH:MM:SS`, YAML timestamps, ISO 8601 or `2013/7/13 20:46:25`.
//! A time without a zone is read in the zone the caller gives.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// The zone in which times written without one are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// A fixed offset from UTC (`UTC`, `+08:00`).
    Offset(FixedOffset),
    /// A named IANA zone (`Asia/Shanghai`), daylight saving included.
    Named(chrono_tz::Tz),
}

impl Zone {
    /// UTC, the default.
    pub fn utc() -> Zone {
        Zone::Offset(FixedOffset::east_opt(0).expect("zero is a valid offset"))
    }

    /// The zone as the bundle records it: `UTC`, `+08:00`, or an IANA name.
    pub fn name(self) -> String {
        match self {
            Zone::Offset(offset) if offset.local_minus_utc() == 0 => "UTC".to_owned(),
            Zone::Offset(offset) => offset.to_string(),
            Zone::Named(zone) => zone.name().to_owned(),
        }
    }

    /// The UTC instant of a local time in this zone. In the hour a clock is
    /// set back the earlier reading wins; a time that never happened (the
    /// hour skipped in spring) is `None`.
    pub fn to_utc(self, local: &NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Zone::Offset(offset) => offset
                .from_local_datetime(local)
                .earliest()
                .map(|d| d.with_timezone(&Utc)),
            Zone::Named(zone) => zone
                .from_local_datetime(local)
                .earliest()
                .map(|d| d.with_timezone(&Utc)),
        }
    }
}

/// Formats for times that carry no zone, tried in order.
const NAIVE_DATE_TIMES: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
];
/// Formats for bare dates (midnight in the given zone).
const NAIVE_DATES: &[&str] = &["%Y-%m-%d", "%Y/%m/%d"];

/// Reads a post date. `zone` applies to times written without one.
///
/// Returns `None` when the text matches no known format.
///
/// ```
/// use folio::date::{parse_post_date, to_rfc3339_utc, Zone};
/// let date = parse_post_date("Sat, 05 Feb 2022 11:48:54 GMT", Zone::utc()).unwrap();
/// assert_eq!(to_rfc3339_utc(date), "2022-02-05T11:48:54Z");
/// ```
pub fn parse_post_date(text: &str, zone: Zone) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(date) = DateTime::parse_from_rfc2822(text) {
        return Some(date.with_timezone(&Utc));
    }
    // Feeds get the weekday wrong often enough ("Mon, 05 Feb 2022" was a
    // Saturday); the date itself is what matters, so read it without.
    if let Some((weekday, rest)) = text.split_once(", ") {
        if weekday.len() == 3 && weekday.bytes().all(|b| b.is_ascii_alphabetic()) {
            if let Ok(date) = DateTime::parse_from_rfc2822(rest) {
                return Some(date.with_timezone(&Utc));
            }
        }
    }
    if let Ok(date) = DateTime::parse_from_rfc3339(text) {
        return Some(date.with_timezone(&Utc));
    }
    // YAML timestamps may separate the zone with a space: `2001-12-14 21:59:43.10 -5`.
    for format in [
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%dT%H:%M:%S%z",
    ] {
        if let Ok(date) = DateTime::parse_from_str(text, format) {
            return Some(date.with_timezone(&Utc));
        }
    }
    let naive = NAIVE_DATE_TIMES
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .or_else(|| {
            NAIVE_DATES
                .iter()
                .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
                .and_then(|date| date.and_hms_opt(0, 0, 0))
        })?;
    zone.to_utc(&naive)
}

/// Reads a `--timezone` value: `UTC`, `Z`, an offset such as
/// `+08:00`/`+0800`, or an IANA zone name such as `Asia/Shanghai`.
///
/// Returns `None` for anything else.
pub fn parse_zone(text: &str) -> Option<Zone> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("utc") || text == "Z" {
        return Some(Zone::utc());
    }
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return text.parse::<chrono_tz::Tz>().ok().map(Zone::Named),
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).map(Zone::Offset)
}

/// The date at the start of a Hexo file name (`2006-11-17-about.md`), if any.
pub fn date_in_file_name(file_name: &str, zone: Zone) -> Option<DateTime<Utc>> {
    let prefix = file_name.get(..10)?;
    parse_post_date(prefix, zone)
}

/// The bundle's date form: RFC 3339, UTC, whole seconds, `Z` suffix.
pub fn to_rfc3339_utc(date: DateTime<Utc>) -> String {
    date.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc() -> Zone {
        Zone::utc()
    }

    #[test]
    fn every_written_form_is_read() {
        let cases = [
            ("Sat, 05 Feb 2022 11:48:54 GMT", "2022-02-05T11:48:54Z"),
            ("Sat, 05 Feb 2022 11:48:54 +0800", "2022-02-05T03:48:54Z"),
            ("Mon, 05 Feb 2022 11:48:54 GMT", "2022-02-05T11:48:54Z"),
            ("05 Feb 2022 11:48:54 GMT", "2022-02-05T11:48:54Z"),
            ("2021-05-09 04:03:15", "2021-05-09T04:03:15Z"),
            ("2021-05-09T04:03:15+02:00", "2021-05-09T02:03:15Z"),
            ("2021-05-09T04:03:15Z", "2021-05-09T04:03:15Z"),
            ("2021-05-09T04:03:15", "2021-05-09T04:03:15Z"),
            ("2001-12-14 21:59:43.10 -0500", "2001-12-15T02:59:43Z"),
            ("2013/7/13 20:46:25", "2013-07-13T20:46:25Z"),
            ("2013-07-13", "2013-07-13T00:00:00Z"),
        ];
        for (text, expected) in cases {
            let date = parse_post_date(text, utc()).unwrap_or_else(|| panic!("{text} unread"));
            assert_eq!(to_rfc3339_utc(date), expected, "{text}");
        }
    }

    #[test]
    fn zoneless_times_use_the_given_zone() {
        let shanghai = parse_zone("+08:00").unwrap();
        let date = parse_post_date("2021-05-09 04:03:15", shanghai).unwrap();
        assert_eq!(to_rfc3339_utc(date), "2021-05-08T20:03:15Z");
        let zoned = parse_post_date("Sat, 05 Feb 2022 11:48:54 GMT", shanghai).unwrap();
        assert_eq!(
            to_rfc3339_utc(zoned),
            "2022-02-05T11:48:54Z",
            "zoned times ignore it"
        );
    }

    #[test]
    fn nonsense_is_not_a_date() {
        for text in ["", "yesterday", "2021-13-45 99:99:99", "Sat, 99 Foo"] {
            assert_eq!(parse_post_date(text, utc()), None, "{text}");
        }
    }

    #[test]
    fn zones_are_read() {
        let offset = |seconds| Some(Zone::Offset(FixedOffset::east_opt(seconds).unwrap()));
        assert_eq!(parse_zone("UTC"), offset(0));
        assert_eq!(parse_zone("+0800"), offset(8 * 3600));
        assert_eq!(parse_zone("-05:30"), offset(-(5 * 3600 + 1800)));
        assert_eq!(parse_zone("Mars/Base"), None);
        assert_eq!(parse_zone("utc").map(Zone::name).as_deref(), Some("UTC"));
        assert_eq!(
            parse_zone("+0800").map(Zone::name).as_deref(),
            Some("+08:00")
        );
        assert_eq!(
            parse_zone("Asia/Shanghai").map(Zone::name).as_deref(),
            Some("Asia/Shanghai")
        );
        assert_eq!(parse_zone("8"), None);
    }

    #[test]
    fn named_zones_follow_daylight_saving() {
        let shanghai = parse_zone("Asia/Shanghai").unwrap();
        let date = parse_post_date("2021-05-09 04:03:15", shanghai).unwrap();
        assert_eq!(to_rfc3339_utc(date), "2021-05-08T20:03:15Z");
        let new_york = parse_zone("America/New_York").unwrap();
        let summer = parse_post_date("2021-07-01 12:00:00", new_york).unwrap();
        let winter = parse_post_date("2021-01-01 12:00:00", new_york).unwrap();
        assert_eq!(to_rfc3339_utc(summer), "2021-07-01T16:00:00Z");
        assert_eq!(to_rfc3339_utc(winter), "2021-01-01T17:00:00Z");
        assert_eq!(
            parse_post_date("2021-03-14 02:30:00", new_york),
            None,
            "skipped hour"
        );
    }

    #[test]
    fn file_name_dates() {
        let date = date_in_file_name("2006-11-17-about.md", utc()).unwrap();
        assert_eq!(to_rfc3339_utc(date), "2006-11-17T00:00:00Z");
        assert_eq!(date_in_file_name("about.md", utc()), None);
    }
}
