// Deadline arithmetic of the procedure: the 公示's last day and the two appeal deadlines that the
// refusal notice (YQ-JZ-2019 附件5) announces. Pure calendar arithmetic on ISO dates.
//
// How Chinese law counts (our reading, written down so an auditor can check it):
// - 行政复议法（2023年修订）第二十条: reconsideration may be applied for within 60 days of the day the
//   person knew of the decision; for a written notice that is the day it was served (送达) —
//   行政复议法实施条例 第十五条(二)(三): from the day the addressee signs for it (签收).
//   第八十八条: periods not regulated by that law follow the 民事诉讼法.
// - 行政诉讼法（2017年修正）第四十六条: a lawsuit within 6 months of that day; 第一百零一条: periods
//   follow the 民事诉讼法.
// - 民事诉讼法（2023年修正）第八十五条: "期间开始的时和日，不计算在期间内" — the day of service is not
//   counted, day 1 is the day after; "期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满
//   的日期" — a last day on a public holiday or weekend rest day moves to the next working day.
// - For a period in months the 民事诉讼法 says nothing more; 民法典 第二百零二条 (applied by the courts
//   to procedural periods too): "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，
//   月末日为期间的最后一日". So 6 months from service on 08-31 ends on the last day of February, and
//   from 02-28 ends on 08-28 (the corresponding day exists), not on 08-31.
// So: reconsideration last day = service + 60 days; lawsuit last day = the same day number 6 months
// later, clamped to that month's end; either moved past non-working days when a calendar is given.
// The calendar (public holidays, make-up working weekends) is an administrator's data, so it is
// passed in: without one, the nominal last day is returned and says so.
import { dayAfter, daysInMonth, isoDate, monthOf, yearOf, type IsoDate } from "@/lib/rules/dates";

/** A statute the notice cites; national law, not county policy, so not in the policy library. */
export type LegalCitation = { law: string; article: string };

export type AppealPeriod = {
  length: { days: number } | { months: number };
  citation: LegalCitation;
  /** Where the counting rule comes from (day of service not counted, holidays, month ends). */
  counting: LegalCitation;
  /** First day of service this version of the law governs. */
  from: IsoDate;
};

// The two periods as the laws in force state them, from the day each cited text took effect (行政复议法
// 2023 revision: 2024-01-01, before it 第九条 said the same 60 days; 行政诉讼法 2017 amendment:
// 2017-07-01, and 3 months before its 2014 amendment). Older notices are not issued by this system.
export const RECONSIDERATION_PERIOD: AppealPeriod = {
  length: { days: 60 },
  citation: { law: "中华人民共和国行政复议法", article: "第二十条" },
  counting: { law: "中华人民共和国民事诉讼法", article: "第八十五条" },
  from: "2024-01-01",
};

export const LAWSUIT_PERIOD: AppealPeriod = {
  length: { months: 6 },
  citation: { law: "中华人民共和国行政诉讼法", article: "第四十六条" },
  counting: { law: "中华人民共和国民法典", article: "第二百零二条" },
  from: "2017-07-01",
};

/** Adds whole calendar days (negative allowed). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const start = Date.UTC(yearOf(date), monthOf(date) - 1, Number(date.slice(8, 10)));
  const moved = new Date(start + days * 86_400_000);
  return isoDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** The corresponding day `months` later; the month's last day where that month has no such day. */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const index = yearOf(date) * 12 + (monthOf(date) - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return isoDate(year, month, day);
}

/** Whether a day is a non-working day (public holiday or rest day), from the county's calendar. */
export type NonWorkingDay = (date: IsoDate) => boolean;

export type Deadline = {
  /** The last day as the period counts it. */
  nominal: IsoDate;
  /** The last day after moving past non-working days; equal to nominal without a calendar. */
  lastDay: IsoDate;
  /** False when no calendar was given: lastDay may still fall on a holiday. */
  calendarApplied: boolean;
  citation: LegalCitation;
  counting: LegalCitation;
};

function periodEnd(servedOn: IsoDate, period: AppealPeriod): IsoDate {
  // The day of service is day 0; "60 days" ends on day 60.
  return "days" in period.length ? addDays(servedOn, period.length.days) : addMonthsClamped(servedOn, period.length.months);
}

function deadlineOf(servedOn: IsoDate, period: AppealPeriod, nonWorkingDay: NonWorkingDay | undefined): Deadline {
  if (servedOn < period.from) throw new RangeError(`送达日期 ${servedOn} 早于 ${period.citation.law}${period.citation.article} 现行期限的适用日 ${period.from}`);
  const nominal = periodEnd(servedOn, period);
  let lastDay = nominal;
  if (nonWorkingDay) {
    // A run of holidays is finite; a calendar that marks a whole year off is a data error.
    for (let guard = 0; nonWorkingDay(lastDay); guard++) {
      if (guard > 366) throw new RangeError(`日历自 ${nominal} 起一年内没有工作日`);
      lastDay = dayAfter(lastDay);
    }
  }
  return { nominal, lastDay, calendarApplied: nonWorkingDay !== undefined, citation: period.citation, counting: period.counting };
}

/** Last day to apply for administrative reconsideration of a refusal served on `servedOn`. */
export function reconsiderationDeadline(servedOn: IsoDate, nonWorkingDay?: NonWorkingDay): Deadline {
  return deadlineOf(servedOn, RECONSIDERATION_PERIOD, nonWorkingDay);
}

/** Last day to sue over a refusal served on `servedOn`. */
export function lawsuitDeadline(servedOn: IsoDate, nonWorkingDay?: NonWorkingDay): Deadline {
  return deadlineOf(servedOn, LAWSUIT_PERIOD, nonWorkingDay);
}

/**
 * The 公示 period. A posting "for 7 days" from 1 March is read as posted notices state it: 3月1日至
 * 3月7日, the start day counting as day 1 (a posting is public from the hour it goes up, unlike the
 * appeal periods, which start from a legal act). The case may go to the county from the day after.
 */
export function publicityPeriod(startsOn: IsoDate, days: number): { startsOn: IsoDate; lastDay: IsoDate; endsAfter: IsoDate } {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`公示天数须为正整数，实为 ${days}`);
  const lastDay = addDays(startsOn, days - 1);
  return { startsOn, lastDay, endsAfter: dayAfter(lastDay) };
}
