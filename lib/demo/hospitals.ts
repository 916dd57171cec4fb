// Demo hospital directory. Names are of real-sounding public hospitals serving each county; the
// levels and price classes are plausible, not taken from an official register, and the codes are
// fictitious (shaped like NHSA fixed-point codes: "H" + 6-digit area + 5 digits). Private
// hospitals are invented.
import type { CountyKey } from "./regions";

export type HospitalOwner = "COUNTY" | "CITY" | "PROVINCE";

export interface DemoHospital {
  id: string;
  code: string;
  name: string;
  countyKey: CountyKey;
  regionCode: string;
  level: 1 | 2 | 3;
  priceClass: 1 | 2 | 3;
  runBy: HospitalOwner;
  isPublic: boolean;
  province: "SX" | "CQ";
  cardDesignated: boolean;
}

type Spec = Omit<DemoHospital, "id" | "countyKey" | "province">;

const YX: readonly Spec[] = [
  { code: "H14032200001", name: "盂县人民医院", regionCode: "140322100", level: 2, priceClass: 2, runBy: "COUNTY", isPublic: true, cardDesignated: true },
  { code: "H14032200002", name: "盂县中医医院", regionCode: "140322100", level: 2, priceClass: 2, runBy: "COUNTY", isPublic: true, cardDesignated: true },
  { code: "H14032200003", name: "盂县妇幼保健院", regionCode: "140322100", level: 2, priceClass: 2, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H14032200011", name: "盂县孙家庄镇卫生院", regionCode: "140322101", level: 1, priceClass: 3, runBy: "COUNTY", isPublic: true, cardDesignated: true },
  { code: "H14032200012", name: "盂县南娄镇卫生院", regionCode: "140322103", level: 1, priceClass: 3, runBy: "COUNTY", isPublic: true, cardDesignated: true },
  { code: "H14032200013", name: "盂县苌池镇卫生院", regionCode: "140322105", level: 1, priceClass: 3, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H14032200014", name: "盂县西烟镇卫生院", regionCode: "140322107", level: 1, priceClass: 3, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H14032200015", name: "盂县上社镇卫生院", regionCode: "140322106", level: 1, priceClass: 3, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H14032200021", name: "盂县仁和医院（民营）", regionCode: "140322100", level: 1, priceClass: 3, runBy: "COUNTY", isPublic: false, cardDesignated: false },
  { code: "H14032200022", name: "盂县康泰骨科医院（民营）", regionCode: "140322100", level: 2, priceClass: 2, runBy: "COUNTY", isPublic: false, cardDesignated: false },
  { code: "H14030000001", name: "阳泉市第一人民医院", regionCode: "140300", level: 3, priceClass: 1, runBy: "CITY", isPublic: true, cardDesignated: true },
  { code: "H14030000002", name: "阳泉市中医医院", regionCode: "140300", level: 3, priceClass: 1, runBy: "CITY", isPublic: true, cardDesignated: false },
  { code: "H14030000003", name: "阳泉市第三人民医院", regionCode: "140300", level: 2, priceClass: 2, runBy: "CITY", isPublic: true, cardDesignated: false },
  { code: "H14000000001", name: "山西省人民医院", regionCode: "140000", level: 3, priceClass: 1, runBy: "PROVINCE", isPublic: true, cardDesignated: false },
  { code: "H14000000002", name: "山西医科大学第一医院", regionCode: "140000", level: 3, priceClass: 1, runBy: "PROVINCE", isPublic: true, cardDesignated: false },
  { code: "H14000000003", name: "山西省肿瘤医院", regionCode: "140000", level: 3, priceClass: 1, runBy: "PROVINCE", isPublic: true, cardDesignated: false },
];

const QJ: readonly Spec[] = [
  { code: "H50011000001", name: "重庆市綦江区人民医院", regionCode: "500110001", level: 3, priceClass: 1, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H50011000002", name: "重庆市綦江区中医院", regionCode: "500110002", level: 2, priceClass: 2, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H50011000003", name: "重庆市綦江区妇幼保健院", regionCode: "500110001", level: 2, priceClass: 2, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H50011000004", name: "重庆市綦江区第二人民医院", regionCode: "500110003", level: 2, priceClass: 2, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H50011000011", name: "綦江区东溪镇中心卫生院", regionCode: "500110109", level: 1, priceClass: 3, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H50011000012", name: "綦江区赶水镇中心卫生院", regionCode: "500110110", level: 1, priceClass: 3, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H50011000013", name: "綦江区打通镇卫生院", regionCode: "500110111", level: 1, priceClass: 3, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H50011000014", name: "綦江区石角镇卫生院", regionCode: "500110108", level: 1, priceClass: 3, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H50011000015", name: "綦江区永城镇卫生院", regionCode: "500110121", level: 1, priceClass: 3, runBy: "COUNTY", isPublic: true, cardDesignated: false },
  { code: "H50011000021", name: "綦江康宁医院（民营）", regionCode: "500110002", level: 1, priceClass: 3, runBy: "COUNTY", isPublic: false, cardDesignated: false },
  { code: "H50011000022", name: "綦江安康中西医结合医院（民营）", regionCode: "500110001", level: 2, priceClass: 2, runBy: "COUNTY", isPublic: false, cardDesignated: false },
  { code: "H50000000001", name: "重庆医科大学附属第一医院", regionCode: "500000", level: 3, priceClass: 1, runBy: "PROVINCE", isPublic: true, cardDesignated: false },
  { code: "H50000000002", name: "重庆医科大学附属第二医院", regionCode: "500000", level: 3, priceClass: 1, runBy: "PROVINCE", isPublic: true, cardDesignated: false },
  { code: "H50000000003", name: "重庆市人民医院", regionCode: "500000", level: 3, priceClass: 1, runBy: "PROVINCE", isPublic: true, cardDesignated: false },
  { code: "H50000000004", name: "重庆大学附属肿瘤医院", regionCode: "500000", level: 3, priceClass: 1, runBy: "PROVINCE", isPublic: true, cardDesignated: false },
];

/** Hospital ids are fixed (not drawn) so that they never move when the generators change. */
function idFor(code: string): string {
  const digits = code.slice(1).padStart(12, "0");
  return `00000000-0000-4000-8000-${digits}`;
}

export const DEMO_HOSPITALS: readonly DemoHospital[] = [
  ...YX.map((h): DemoHospital => ({ ...h, id: idFor(h.code), countyKey: "yx", province: "SX" })),
  ...QJ.map((h): DemoHospital => ({ ...h, id: idFor(h.code), countyKey: "qj", province: "CQ" })),
];

export function hospitalsOf(countyKey: CountyKey): DemoHospital[] {
  return DEMO_HOSPITALS.filter((h) => h.countyKey === countyKey);
}
