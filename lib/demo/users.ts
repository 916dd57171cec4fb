// Demo accounts: one per role per county, plus a second township clerk and reviewer in another
// township of each county (for cross-region tests). All share DEMO_PASSWORD.
import { DEMO_COUNTIES, regionByCode, type CountyKey } from "./regions";

export type DemoRole =
  | "TOWNSHIP_CLERK"
  | "TOWNSHIP_REVIEWER"
  | "MEDICAL_SECURITY"
  | "VETERANS_AFFAIRS"
  | "CIVIL_AFFAIRS"
  | "FINANCE"
  | "AUDITOR"
  | "ADMIN";

export const ROLE_LABELS: Readonly<Record<DemoRole, string>> = {
  TOWNSHIP_CLERK: "乡镇经办员",
  TOWNSHIP_REVIEWER: "乡镇审核员",
  MEDICAL_SECURITY: "县医保局",
  VETERANS_AFFAIRS: "县退役军人事务局",
  CIVIL_AFFAIRS: "县民政局",
  FINANCE: "县财政局",
  AUDITOR: "审计（只读）",
  ADMIN: "系统管理员",
};

/** The one password of every demo account. Never use these accounts outside a demo. */
export const DEMO_PASSWORD = "Demo@2026";
/** bcrypt cost used when the seed hashes DEMO_PASSWORD. */
export const DEMO_BCRYPT_COST = 10;

export interface DemoUser {
  username: string;
  role: DemoRole;
  roleLabel: string;
  countyKey: CountyKey;
  regionCode: string;
  regionName: string;
  /** Chinese display name (fictitious person) — what the UI shows. */
  displayName: string;
}

interface Slot {
  suffix: string;
  role: DemoRole;
  township: "primary" | "secondary" | null;
}

const SLOTS: readonly Slot[] = [
  { suffix: "clerk", role: "TOWNSHIP_CLERK", township: "primary" },
  { suffix: "reviewer", role: "TOWNSHIP_REVIEWER", township: "primary" },
  { suffix: "clerk2", role: "TOWNSHIP_CLERK", township: "secondary" },
  { suffix: "reviewer2", role: "TOWNSHIP_REVIEWER", township: "secondary" },
  { suffix: "medsec", role: "MEDICAL_SECURITY", township: null },
  { suffix: "veterans", role: "VETERANS_AFFAIRS", township: null },
  { suffix: "civil", role: "CIVIL_AFFAIRS", township: null },
  { suffix: "finance", role: "FINANCE", township: null },
  { suffix: "auditor", role: "AUDITOR", township: null },
  { suffix: "admin", role: "ADMIN", township: null },
];

/** Township of the primary and the secondary township staff of each county. */
export const DEMO_USER_TOWNSHIPS: Readonly<Record<CountyKey, { primary: string; secondary: string }>> = {
  yx: { primary: "140322100", secondary: "140322103" }, // 秀水镇 (county seat), 南娄镇
  qj: { primary: "500110001", secondary: "500110109" }, // 古南街道 (district seat), 东溪镇
};

const DISPLAY_NAMES: Readonly<Record<CountyKey, readonly string[]>> = {
  yx: ["王静", "李建平", "赵丽娟", "张志强", "刘海燕", "郭卫东", "武晓梅", "孙立新", "高红梅", "杨俊峰"],
  qj: ["陈小军", "罗丽萍", "刘春燕", "黄建华", "周文斌", "谭雪梅", "何晓东", "邓丽", "曾宏伟", "吴敏"],
};

function build(): DemoUser[] {
  const out: DemoUser[] = [];
  for (const county of DEMO_COUNTIES) {
    const names = DISPLAY_NAMES[county.key];
    SLOTS.forEach((slot, i) => {
      const regionCode = slot.township ? DEMO_USER_TOWNSHIPS[county.key][slot.township] : county.code;
      const region = regionByCode(regionCode);
      if (!region) throw new Error(`demo user region ${regionCode} missing`);
      out.push({
        username: `${county.key}-${slot.suffix}`,
        role: slot.role,
        roleLabel: ROLE_LABELS[slot.role],
        countyKey: county.key,
        regionCode,
        regionName: region.name,
        displayName: names[i] ?? `${county.name}${ROLE_LABELS[slot.role]}`,
      });
    });
  }
  return out;
}

/** Every demo account, `yx-…` (盂县) then `qj-…` (綦江区). */
export const DEMO_USERS: readonly DemoUser[] = build();

export function demoUser(username: string): DemoUser {
  const u = DEMO_USERS.find((x) => x.username === username);
  if (!u) throw new Error(`no demo user ${username}`);
  return u;
}

/** The username whose presence marks the demo data as already seeded. */
export const DEMO_SENTINEL_USERNAME = "yx-admin";

/** The demo accounts as a Markdown table (for the README's "Logins" section). */
export function demoUsersMarkdown(): string {
  const rows = DEMO_USERS.map((u) => `| \`${u.username}\` | ${u.roleLabel} | ${u.regionName}（${u.regionCode}） | ${u.displayName} |`);
  return ["| 用户名 | 角色 | 所属区划 | 显示名 |", "| --- | --- | --- | --- |", ...rows, "", `所有演示账号的密码均为 \`${DEMO_PASSWORD}\`。`].join("\n");
}
