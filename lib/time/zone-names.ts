// Abbreviations and names for the zones the workshops' people are in. In English, Intl names
// most Asian zones only by offset ("GMT+9" for Asia/Tokyo, and the same for Seoul), which tells
// a delegate nothing; these are the abbreviations they use at home. Each entry holds only while
// the zone keeps the offset it has today: for an instant when it had another (Singapore before
// 1982, Shanghai's summer time 1986–91) the formatter falls back to Intl's name.
//
// The long names live here too, rather than coming from Intl, so that the server's render and
// the browser's agree to the letter (ICU versions word some of them differently).

export type ZoneName = {
  /** Shown after every time: "14:59 JST". */
  abbreviation: string;
  /** Shown in the full form: "… 14:59:03 Japan Standard Time (Asia/Tokyo)". */
  long: string;
  /** Offset from UTC, in minutes, for which the names hold. */
  offsetMinutes: number;
};

const JST: ZoneName = { abbreviation: "JST", long: "Japan Standard Time", offsetMinutes: 9 * 60 };
const KST: ZoneName = { abbreviation: "KST", long: "Korea Standard Time", offsetMinutes: 9 * 60 };
const CHINA: ZoneName = { abbreviation: "CST", long: "China Standard Time", offsetMinutes: 8 * 60 };
const HKT: ZoneName = { abbreviation: "HKT", long: "Hong Kong Time", offsetMinutes: 8 * 60 };
const SGT: ZoneName = { abbreviation: "SGT", long: "Singapore Standard Time", offsetMinutes: 8 * 60 };
const ICT: ZoneName = { abbreviation: "ICT", long: "Indochina Time", offsetMinutes: 7 * 60 };
const WIB: ZoneName = { abbreviation: "WIB", long: "Western Indonesia Time", offsetMinutes: 7 * 60 };
const WITA: ZoneName = { abbreviation: "WITA", long: "Central Indonesia Time", offsetMinutes: 8 * 60 };
const WIT: ZoneName = { abbreviation: "WIT", long: "Eastern Indonesia Time", offsetMinutes: 9 * 60 };
const PHT: ZoneName = { abbreviation: "PHT", long: "Philippine Standard Time", offsetMinutes: 8 * 60 };
const MYT: ZoneName = { abbreviation: "MYT", long: "Malaysia Time", offsetMinutes: 8 * 60 };
const BNT: ZoneName = { abbreviation: "BNT", long: "Brunei Darussalam Time", offsetMinutes: 8 * 60 };
const MMT: ZoneName = { abbreviation: "MMT", long: "Myanmar Time", offsetMinutes: 6 * 60 + 30 };
const UTC: ZoneName = { abbreviation: "UTC", long: "Coordinated Universal Time", offsetMinutes: 0 };

/** Keyed by IANA name, links included (browsers report either spelling). */
export const ZONE_NAMES: Readonly<Record<string, ZoneName>> = {
  "Asia/Tokyo": JST,
  "Asia/Seoul": KST,
  "Asia/Shanghai": CHINA,
  "Asia/Chongqing": CHINA,
  "Asia/Harbin": CHINA,
  "PRC": CHINA,
  "Asia/Hong_Kong": HKT,
  "Asia/Singapore": SGT,
  "Singapore": SGT,
  "Asia/Bangkok": ICT,
  "Asia/Ho_Chi_Minh": ICT,
  "Asia/Saigon": ICT,
  "Asia/Phnom_Penh": ICT,
  "Asia/Vientiane": ICT,
  "Asia/Jakarta": WIB,
  "Asia/Pontianak": WIB,
  "Asia/Makassar": WITA,
  "Asia/Ujung_Pandang": WITA,
  "Asia/Jayapura": WIT,
  "Asia/Manila": PHT,
  "Asia/Kuala_Lumpur": MYT,
  "Asia/Kuching": MYT,
  "Asia/Brunei": BNT,
  "Asia/Yangon": MMT,
  "Asia/Rangoon": MMT,
  "UTC": UTC,
  "Etc/UTC": UTC,
  "Etc/UCT": UTC,
  "UCT": UTC,
  "Etc/Universal": UTC,
  "Universal": UTC,
  "Etc/Zulu": UTC,
  "Zulu": UTC,
};
