import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { makeIdNumber } from "@/lib/people/id-number";
import { expect, loginThroughForm, prisma, test } from "./fixtures";

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.length}`);
}

test("login page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
});

// One test per page, so a slow machine does not push one long test past its timeout.
const PAGES: { user: string; path: string | (() => Promise<string>) }[] = [
  { user: "yx-clerk", path: "/" },
  { user: "yx-clerk", path: "/people" },
  {
    user: "yx-clerk",
    path: async () => `/people/${(await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: "140322100" } } })).id}`,
  },
  { user: "yx-clerk", path: "/account/password" },
  { user: "yx-clerk", path: "/policy" },
  { user: "yx-admin", path: "/admin/users" },
  { user: "yx-admin", path: "/audit" },
  { user: "yx-admin", path: "/admin/regions" },
  { user: "yx-admin", path: "/admin/regions?preview=1" },
  { user: "yx-reviewer", path: "/cases" },
  { user: "yx-reviewer", path: async () => `/cases/${(await prisma.case.findFirstOrThrow({ where: { regionCode: { startsWith: "140322100" }, state: "SUBMITTED" } })).id}` },
  { user: "yx-clerk", path: async () => `/cases/${(await prisma.case.findFirstOrThrow({ where: { regionCode: { startsWith: "140322100" }, state: "DRAFT" } })).id}` },
  { user: "yx-medsec", path: async () => `/cases/${(await prisma.case.findFirstOrThrow({ where: { regionCode: { startsWith: "140322" }, state: "COUNTY_REVIEW" } })).id}` },
  { user: "yx-clerk", path: async () => `/cases/${(await prisma.case.findFirstOrThrow({ where: { regionCode: { startsWith: "140322100" }, state: "REJECTED" } })).id}` },
  { user: "yx-medsec", path: "/cases/publicity?township=140322100" },
  { user: "yx-medsec", path: "/cases/results" },
  { user: "yx-finance", path: "/payments" },
  // Households, serviceman records and identity proposals (decision 020).
  { user: "yx-clerk", path: async () => `/households/${(await prisma.household.findFirstOrThrow({ where: { regionCode: { startsWith: "140322100" }, members: { some: {} } } })).id}` },
  { user: "yx-veterans", path: "/servicemen" },
  { user: "yx-veterans", path: "/servicemen/new" },
  { user: "yx-veterans", path: async () => `/servicemen/${(await prisma.serviceman.findFirstOrThrow({ where: { regionCode: "140322", personId: null } })).id}` },
  { user: "yx-veterans", path: async () => `/people/${(await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: "140322" }, serviceman: { personId: null } } })).id}` },
  { user: "yx-civil", path: "/identity-proposals" },
  { user: "yx-civil", path: async () => `/identity-proposals/${(await prisma.identityProposal.findFirstOrThrow({ where: { bureau: "CIVIL_AFFAIRS", state: "PENDING", person: { regionCode: { startsWith: "140322" } } } })).id}` },
  // The registry pages of issue 9: the person page with 医保局's forms, the duplicates and the merge, the hospital directory.
  { user: "yx-medsec", path: async () => `/people/${(await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: "140322" }, mergedIntoId: null, conditions: { some: {} } } })).id}` },
  { user: "yx-civil", path: "/people/duplicates" },
  { user: "yx-civil", path: mergePairPath },
  { user: "yx-admin", path: "/admin/hospitals" },
  { user: "yx-admin", path: "/admin/hospitals/new" },
  { user: "yx-admin", path: async () => `/admin/hospitals/${(await prisma.hospital.findUniqueOrThrow({ where: { code: "H14032200001" } })).id}` },
  { user: "yx-civil", path: "/rosters" },
];

// Two records of one name, birth date and township, made for the check (the demo has none).
async function mergePairPath() {
  const made = [];
  for (let seq = 501; made.length < 2 && seq < 599; seq += 2) {
    const idNumber = makeIdNumber("140322", "1944-02-02", seq, "M");
    if (await prisma.person.findUnique({ where: { idNumber } })) continue;
    made.push(await prisma.person.create({ data: { idNumber, name: "易检查", sex: "M", birthDate: new Date("1944-02-02"), regionCode: "140322100", hukouProvince: "SX" } }));
  }
  return `/people/merge?keep=${made[0]?.id}&merge=${made[1]?.id}`;
}

for (const [index, { user, path }] of PAGES.entries()) {
  test(`${typeof path === "string" ? path : `record page #${index}`} (${user}) has no serious accessibility violations`, async ({ page }) => {
    await loginThroughForm(page, user);
    const url = typeof path === "string" ? path : await path();
    await page.goto(url);
    expect(await seriousViolations(page), url).toEqual([]);
  });
}

test("the trial form and its worksheet have no serious accessibility violations", async ({ page }) => {
  await loginThroughForm(page, "yx-medsec");
  await page.goto("/trial");
  expect(await seriousViolations(page), "/trial").toEqual([]);
  await page.getByRole("button", { name: "试算" }).click();
  await expect(page.getByTestId("worksheet")).toBeVisible();
  expect(await seriousViolations(page), "/trial worksheet").toEqual([]);
});

test("the person page's folded forms (household, proposal) have no serious accessibility violations when open", async ({ page }) => {
  const loner = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: "140322100" }, householdId: null, mergedIntoId: null } }).catch(() => null);
  const person = loner ?? (await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: "140322100" } } }));
  await loginThroughForm(page, "yx-clerk");
  await page.goto(`/people/${person.id}`);
  for (const summary of await page.locator("summary").all()) await summary.click();
  await expect(page.getByRole("form", { name: "申报身份" })).toBeVisible();
  expect(await seriousViolations(page), "person page, forms open").toEqual([]);
});

test("the login form works from the keyboard alone", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  await page.keyboard.type("yx-clerk");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Demo@2026");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("current-user")).toBeVisible();
});
