import { makeIdNumber } from "@/lib/people/id-number";
import { expect, formMessage, loginThroughForm, prisma, test } from "./fixtures";

const XIUSHUI = "140322100"; // yx-clerk's township

// A person of yx-clerk's township with no identity yet, of this test alone.
async function freshPerson(name: string) {
  for (let seq = 801; seq < 899; seq += 2) {
    const idNumber = makeIdNumber("140322", "1947-02-11", seq, "M");
    if (await prisma.person.findUnique({ where: { idNumber } })) continue;
    return prisma.person.create({ data: { idNumber, name, sex: "M", birthDate: new Date("1947-02-11"), regionCode: XIUSHUI, hukouProvince: "SX", ruralHukou: true } });
  }
  throw new Error("no free ID number");
}

test("civil affairs records a 低保 period; another bureau cannot end it; the township clerk sees it", async ({ page }) => {
  const person = await freshPerson("钱低保");
  await loginThroughForm(page, "yx-civil");
  await page.goto(`/people/${person.id}`);
  const form = page.getByRole("form", { name: "登记身份时段" });
  await expect(form.getByLabel("身份类别").locator("option")).toHaveText(["特困供养人员", "低保对象", "低收入救助对象"]);
  await form.getByLabel("身份类别").selectOption({ label: "低保对象" });
  await form.getByLabel("起始日期").fill("2026-03-01");
  await form.getByLabel("证明（名单批次、证书编号）").fill("盂民〔2026〕3号");
  await form.getByRole("button", { name: "登记身份" }).click();
  await expect(formMessage(page).filter({ hasText: "已登记身份时段。" })).toBeVisible();
  const timeline = page.getByTestId("identity-timeline");
  await expect(timeline).toContainText("低保对象");
  await expect(timeline).toContainText("2026-03-01");
  await expect(timeline).toContainText("认定部门：县民政局");
  await expect(timeline).toContainText("依据：盂民〔2026〕3号");

  // The same identity again, overlapping: refused at the field.
  await form.getByLabel("身份类别").selectOption({ label: "低保对象" });
  await form.getByLabel("起始日期").fill("2026-05-01");
  await form.getByRole("button", { name: "登记身份" }).click();
  await expect(page.getByText("该人员在这段时间内已有同类身份，时段不能重叠。")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/identity-periods.png", fullPage: true });

  await page.context().clearCookies();
  await loginThroughForm(page, "yx-veterans");
  await page.goto(`/people/${person.id}`);
  await expect(page.getByTestId("identity-timeline")).toContainText("低保对象");
  await expect(page.getByRole("form", { name: "终止（低保对象）" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "登记身份时段" }).getByLabel("身份类别").locator("option", { hasText: "低保对象" })).toHaveCount(0);

  await page.context().clearCookies();
  await loginThroughForm(page, "yx-clerk");
  await page.goto(`/people/${person.id}`);
  await expect(page.getByTestId("identity-timeline")).toContainText("低保对象");
  await expect(page.getByRole("form", { name: "登记身份时段" })).toHaveCount(0);

  await page.context().clearCookies();
  await loginThroughForm(page, "yx-civil");
  await page.goto(`/people/${person.id}`);
  const end = page.getByRole("form", { name: "终止（低保对象）" });
  await end.getByLabel("终止日期").fill("2026-06-30");
  await end.getByRole("button", { name: "确认终止" }).click();
  await expect(page.getByTestId("identity-timeline")).toContainText("2026-03-01 — 2026-06-30");
  await expect(page.getByTestId("person-history")).toContainText("终止身份时段");
  await expect(page.getByTestId("person-history")).toContainText("登记身份时段");
  const rows = await prisma.personIdentity.findMany({ where: { personId: person.id } });
  expect(rows.map((r) => [r.type, r.certifiedBy, r.validTo?.toISOString().slice(0, 10)])).toEqual([["SUBSISTENCE", "CIVIL_AFFAIRS", "2026-06-30"]]);
});
