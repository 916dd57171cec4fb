// The printed words of the refusal notice (YQ-JZ-2019 附件5 "不符合医疗救助条件书面告知书") and of the
// 公示 list, in Chinese. They are a legal form's wording, kept apart from the renderers so that the
// lead can route them through messages/zh-CN.json later (each entry is a message with named values,
// the same shape next-intl takes); the renderers only call these functions.
import type { IsoDate } from "@/lib/rules/dates";

/** 2026-03-02 → 2026年3月2日, as official documents write dates. */
export function formatChineseDate(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export const REFUSAL_NOTICE_TEXT = {
  title: (v: { programme: string }) => `不符合${v.programme}条件书面告知书`,
  number: (v: { year: number; sequence: number }) => `（${v.year}）第 ${v.sequence} 号`,
  salutation: (v: { applicant: string }) => `申请人${v.applicant}：`,
  received: (v: { receivedOn: string; kind: string }) => `你于${v.receivedOn}提交的${v.kind}申请收悉。`,
  finding: (v: { area: string; programme: string }) => `经研究，不符合${v.area}${v.programme}政策的以下规定：`,
  reason: (v: { index: number; message: string; basis: string }) => `${v.index}. ${v.message}（依据：${v.basis}）`,
  basis: (v: { number: string; title: string; article: string }) => `${v.number}《${v.title}》${v.article}`,
  note: (v: { note: string }) => `说明：${v.note}`,
  decision: "决定不予受理，特此书面告知。",
  rights: (v: { days: number; months: number }) => `如对本决定不服，可自收到本决定之日起${v.days}日内依法提起行政复议，或${v.months}个月内向人民法院提起诉讼。`,
  rightsBasis: (v: { reconsideration: string; lawsuit: string }) => `（${v.reconsideration}；${v.lawsuit}）`,
  lawArticle: (v: { law: string; article: string }) => `《${v.law}》${v.article}`,
  served: (v: { servedOn: string; reconsiderationBy: string; lawsuitBy: string }) =>
    `本告知书于${v.servedOn}送达。申请行政复议的期限至${v.reconsiderationBy}，提起行政诉讼的期限至${v.lawsuitBy}。`,
  seal: (v: { issuer: string }) => `${v.issuer}（盖章）`,
  caseRef: (v: { caseRef: string }) => `案件编号：${v.caseRef}`,
} as const;

export const PUBLICITY_LIST_TEXT = {
  title: (v: { township: string }) => `${v.township}医疗救助（优抚医疗补助）申请公示名单`,
  period: (v: { startsOn: string; lastDay: string; place: string }) => `公示期：${v.startsOn}至${v.lastDay}　公示地点：${v.place}`,
  columns: { index: "序号", name: "姓名", idNumber: "身份证号", kind: "申请类别", amount: "金额（元）" },
  objection: (v: { contact: string }) => `公示期间如有异议，请向${v.contact}反映。`,
  page: (v: { page: number; pages: number }) => `第 ${v.page} 页 / 共 ${v.pages} 页`,
  empty: "本期无公示对象。",
} as const;
