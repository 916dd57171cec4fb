// Library validation, run when the library loads and again as a test: dated versions without gaps
// or overlaps, every version citing a document in force on its first day, every enum covered.
import { dayAfter } from "../dates";
import type { JurisdictionNode } from "../domain";
import { CODE_PATTERN, FEE_KINDS, JURISDICTIONS, IDENTITY_TYPES, ITEM_CLASSES, ROUTES } from "../domain";
import type { Rate } from "../money";
import type { PolicyDocument } from "./documents";
import { ASSISTANCE_LIMIT_KINDS, ASSISTANCE_SHARED_LIMIT_KINDS } from "./accumulator-kinds";
import { isWithinJurisdiction } from "./jurisdictions";
import type { ParameterCatalogue, ParameterId, ParameterValues, ParameterVersion } from "./parameters";
import { INPATIENT_TIERS, TWO_DISEASE_KEYS } from "./parameters";
import { CHAIN_STAGES } from "./stages";

type LibraryShape = { documents: readonly PolicyDocument[]; parameters: ParameterCatalogue };

const PRICE_CLASSES = [1, 2, 3] as const;
const HOSPITAL_LEVELS = [1, 2, 3] as const;

function missingKeys(record: object, expected: readonly (string | number)[]): string[] {
  const present = new Set(Object.keys(record));
  return expected.map(String).filter((key) => !present.has(key));
}

function isProperRate(rate: Rate): boolean {
  return rate.den > 0n && rate.num >= 0n && rate.num <= rate.den;
}

/** Checks on the values of particular parameters that stages rely on (enum coverage, sane rates). */
function checkValue<K extends ParameterId>(id: K, value: ParameterValues[K]): string[] {
  const problems: string[] = [];
  const typed = { id, value } as { [P in ParameterId]: { id: P; value: ParameterValues[P] } }[ParameterId];
  switch (typed.id) {
    case "discount.feeRules":
      for (const key of missingKeys(typed.value, FEE_KINDS)) problems.push(`未覆盖收费项目 ${key}`);
      break;
    case "insurance.firstSelfPayShares":
      for (const key of missingKeys(typed.value, ITEM_CLASSES)) problems.push(`未覆盖目录类别 ${key}`);
      for (const rate of Object.values(typed.value)) if (!isProperRate(rate)) problems.push("比例不在0–100%之间");
      break;
    case "insurance.inpatientSchedule":
      for (const key of missingKeys(typed.value, INPATIENT_TIERS)) problems.push(`未覆盖住院价格类别 ${key}`);
      for (const entry of Object.values(typed.value)) if (!isProperRate(entry.rate)) problems.push("比例不在0–100%之间");
      break;
    case "insurance.routeReductions":
      for (const key of missingKeys(typed.value, ROUTES)) problems.push(`未覆盖就医途径 ${key}`);
      break;
    case "insurance.outpatientSchedule":
      for (const key of missingKeys(typed.value, PRICE_CLASSES)) problems.push(`未覆盖门诊价格类别 ${key}`);
      break;
    case "insurance.twoDiseases":
      for (const key of missingKeys(typed.value.limits, TWO_DISEASE_KEYS)) problems.push(`未覆盖“两病”病种 ${key}`);
      break;
    case "specialCare.inpatient":
      for (const key of missingKeys(typed.value, ["A", "B"])) problems.push(`未覆盖补助分组 ${key}`);
      for (const group of Object.values(typed.value)) {
        for (const key of missingKeys(group.rates, HOSPITAL_LEVELS)) problems.push(`未覆盖医院级别 ${key}`);
      }
      break;
    case "chain.stageOrder":
      for (const stage of CHAIN_STAGES) {
        const count = typed.value.filter((entry) => entry === stage).length;
        if (count !== 1) problems.push(`阶段 ${stage} 出现 ${count} 次`);
      }
      break;
    case "assistance.rows":
      for (const row of typed.value) {
        if (row.identities !== "ANY_INSURED") for (const identity of row.identities) if (!IDENTITY_TYPES.includes(identity)) problems.push(`未知身份 ${identity}`);
        for (const group of row.diagnoses ?? []) for (const code of group.codes) if (!CODE_PATTERN.test(code)) problems.push(`病种编码格式不对: ${code}`);
        if (!isProperRate(row.rate)) problems.push(`救助比例不在0–100%之间: ${row.id}`);
        // The row's yearly base is stored under its catalogue key: an unknown name would have none.
        if (!Object.hasOwn(ASSISTANCE_LIMIT_KINDS, row.limitKey)) problems.push(`救助行 ${row.id} 的累计项 ${row.limitKey} 不在累计项目录中`);
        if (row.sharedLimit !== null && !Object.hasOwn(ASSISTANCE_SHARED_LIMIT_KINDS, row.sharedLimit.key)) problems.push(`救助行 ${row.id} 的共用限额累计项 ${row.sharedLimit.key} 不在累计项目录中`);
      }
      break;
    case "assistance.largeOutpatientDiseases":
      if (typed.value.length !== 7) problems.push(`门诊大额疾病应为7种，实为${typed.value.length}种`);
      break;
    case "assistance.majorDiseaseQuota":
      if (typed.value.diseases.length !== 26) problems.push(`重特大疾病应为26类，实为${typed.value.diseases.length}类`);
      for (const group of typed.value.diseases) {
        if (group.codes.length === 0) problems.push(`病种 ${group.name} 没有编码`);
        for (const code of group.codes) if (!CODE_PATTERN.test(code)) problems.push(`病种编码格式不对: ${code}`);
      }
      break;
    case "assistance.lateStageCare":
      if (typed.value.diseases.length !== 24) problems.push(`大病关怀应为24类，实为${typed.value.diseases.length}类`);
      break;
    case "specialCare.monthlyAllowance":
      break;
    default:
      break;
  }
  return problems;
}

/**
 * A person's jurisdiction sees its own versions and its ancestors': the union of what it sees must
 * not have a hole between the first and the last day covered (e.g. a local version ending a day
 * before the provincial one starts).
 */
function inheritedGaps(id: ParameterId, versions: readonly ParameterVersion<unknown>[]): string[] {
  const problems: string[] = [];
  for (const jurisdiction of JURISDICTIONS) {
    const visible = versions
      .filter((version) => isWithinJurisdiction(jurisdiction, version.jurisdiction))
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    let coveredTo: string | null | undefined;
    for (const version of visible) {
      if (coveredTo === null) break;
      if (coveredTo !== undefined && version.from > dayAfter(coveredTo)) {
        problems.push(`${id} [${jurisdiction}]: ${coveredTo} 之后至 ${version.from} 之前没有有效版本（空档）`);
      }
      if (coveredTo === undefined || version.to === null || version.to > coveredTo) coveredTo = version.to;
    }
  }
  return problems;
}

/** Returns every problem found; an empty list means the library may be used. */
export function validateLibrary(library: LibraryShape): string[] {
  const problems: string[] = [];
  const documents = new Map<string, PolicyDocument>();
  for (const document of library.documents) {
    if (documents.has(document.key)) problems.push(`文件 ${document.key} 重复`);
    documents.set(document.key, document);
    if (document.inForceTo !== null && document.inForceTo < document.inForceFrom) problems.push(`文件 ${document.key} 失效日早于生效日`);
  }
  const ids = Object.keys(library.parameters) as ParameterId[];
  for (const id of ids) {
    const definition = library.parameters[id];
    if (!definition.label) problems.push(`${id}: 缺少中文名称`);
    const versions = definition.versions as readonly ParameterVersion<unknown>[];
    if (versions.length === 0) problems.push(`${id}: 没有任何版本`);
    const byJurisdiction = new Map<JurisdictionNode, ParameterVersion<unknown>[]>();
    for (const version of versions) {
      const where = `${id} [${version.jurisdiction} ${version.from}]`;
      if (version.to !== null && version.to < version.from) problems.push(`${where}: 结束日早于开始日`);
      const document = documents.get(version.citation.document);
      if (!document) {
        problems.push(`${where}: 引用的文件 ${version.citation.document} 不在库中`);
      } else {
        if (version.from < document.inForceFrom || (document.inForceTo !== null && version.from > document.inForceTo)) {
          problems.push(`${where}: 开始日 ${version.from} 引用的文件 ${document.key} 未生效`);
        }
        if (document.inForceTo !== null && (version.to === null || version.to > document.inForceTo)) {
          problems.push(`${where}: 版本有效期超出文件 ${document.key} 的有效期`);
        }
        if (!isWithinJurisdiction(version.jurisdiction, document.jurisdiction)) {
          problems.push(`${where}: 文件 ${document.key} 的适用地区（${document.jurisdiction}）不包括 ${version.jurisdiction}`);
        }
      }
      if (!version.citation.article) problems.push(`${where}: 缺少条款`);
      for (const problem of checkValue(id, version.value as ParameterValues[typeof id])) problems.push(`${where}: ${problem}`);
      const list = byJurisdiction.get(version.jurisdiction) ?? [];
      list.push(version);
      byJurisdiction.set(version.jurisdiction, list);
    }
    problems.push(...inheritedGaps(id, versions));
    for (const [jurisdiction, list] of byJurisdiction) {
      const sorted = [...list].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      for (let i = 1; i < sorted.length; i++) {
        const previous = sorted[i - 1];
        const current = sorted[i];
        if (!previous || !current) continue;
        if (previous.to === null || previous.to >= current.from) {
          problems.push(`${id} [${jurisdiction}]: 版本 ${previous.from} 与 ${current.from} 重叠`);
        } else if (dayAfter(previous.to) !== current.from) {
          problems.push(`${id} [${jurisdiction}]: 版本 ${previous.to} 与 ${current.from} 之间有空档`);
        }
      }
    }
  }
  problems.push(...allowanceCoversGroups(library.parameters));
  return problems;
}

/** Every QJ-YF-2023 Art. 2 identity that can hold a subsidy group also has a monthly allowance. */
function allowanceCoversGroups(parameters: ParameterCatalogue): string[] {
  const problems: string[] = [];
  for (const groups of parameters["specialCare.groups"].versions) {
    const allowance = parameters["specialCare.monthlyAllowance"].versions.find(
      (version) => version.jurisdiction === groups.jurisdiction && version.from <= groups.from && (version.to === null || groups.from <= version.to),
    );
    if (!allowance) {
      problems.push(`specialCare.monthlyAllowance [${groups.jurisdiction} ${groups.from}]: 缺少与补助分组同期的定额门诊补助标准`);
      continue;
    }
    for (const identity of [...groups.value.A, ...groups.value.B]) {
      if (allowance.value.monthly[identity] === undefined) problems.push(`specialCare.monthlyAllowance [${allowance.jurisdiction} ${allowance.from}]: 未覆盖身份 ${identity}`);
    }
  }
  return problems;
}
