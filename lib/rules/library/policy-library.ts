// The policy library: documents + parameter catalogue, indexed per jurisdiction and parameter so a
// claim resolves every parameter it may read once per (jurisdiction, date), then reads plain fields.
import type { IsoDate } from "../dates";
import type { Jurisdiction, JurisdictionNode } from "../domain";
import type { Citation, PolicyDocument } from "./documents";
import { POLICY_DOCUMENTS } from "./documents";
import type { ParameterCatalogue, ParameterId, ParameterValues, ParameterVersion } from "./parameters";
import { PARAMETER_CATALOGUE } from "./parameters";
import { validateLibrary } from "./validate-library";
import { jurisdictionChain } from "./jurisdictions";

export type PolicyLibraryData = {
  documents: readonly PolicyDocument[];
  parameters: ParameterCatalogue;
};

export type ResolvedVersion<T> = {
  id: ParameterId;
  value: T;
  from: IsoDate;
  to: IsoDate | null;
  jurisdiction: JurisdictionNode;
  citation: Citation;
};

export type ResolvedParameters = { readonly [K in ParameterId]?: ResolvedVersion<ParameterValues[K]> };

export type PolicyLibrary = {
  readonly data: PolicyLibraryData;
  /** Every parameter in force for a person of `jurisdiction` on `date` (own rules first, then inherited). */
  resolve(jurisdiction: Jurisdiction, date: IsoDate): ResolvedParameters;
  documentByKey(key: string): PolicyDocument | undefined;
};

type AnyVersion = ParameterVersion<unknown>;

export class LibraryValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`政策库校验失败:\n${problems.join("\n")}`);
  }
}

/** Builds the indexed library; throws LibraryValidationError when the data fails validation. */
export function loadLibrary(data: PolicyLibraryData): PolicyLibrary {
  const problems = validateLibrary(data);
  if (problems.length > 0) throw new LibraryValidationError(problems);
  const ids = Object.keys(data.parameters) as ParameterId[];
  const index = new Map<ParameterId, Map<JurisdictionNode, AnyVersion[]>>();
  for (const id of ids) {
    const perJurisdiction = new Map<JurisdictionNode, AnyVersion[]>();
    const versions: readonly AnyVersion[] = data.parameters[id].versions;
    for (const version of versions) {
      const list = perJurisdiction.get(version.jurisdiction) ?? [];
      list.push(version);
      perJurisdiction.set(version.jurisdiction, list);
    }
    for (const list of perJurisdiction.values()) list.sort((a, b) => (a.from < b.from ? -1 : 1));
    index.set(id, perJurisdiction);
  }
  // Nested by jurisdiction then date: no key string to build per claim.
  const cache = new Map<Jurisdiction, Map<IsoDate, ResolvedParameters>>();
  const documents = new Map(data.documents.map((document) => [document.key as string, document]));

  function resolveUncached(jurisdiction: Jurisdiction, date: IsoDate): ResolvedParameters {
    const resolved: Record<string, ResolvedVersion<unknown>> = {};
    const chain = jurisdictionChain(jurisdiction);
    for (const id of ids) {
      const perJurisdiction = index.get(id);
      if (!perJurisdiction) continue;
      search: for (const node of chain) {
        const list = perJurisdiction.get(node);
        if (!list) continue;
        for (const version of list) {
          if (version.from <= date && (version.to === null || date <= version.to)) {
            resolved[id] = { id, value: version.value, from: version.from, to: version.to, jurisdiction: version.jurisdiction, citation: version.citation };
            break search;
          }
        }
      }
    }
    return resolved as ResolvedParameters;
  }

  return {
    data,
    resolve(jurisdiction, date) {
      let perDate = cache.get(jurisdiction);
      if (!perDate) {
        perDate = new Map();
        cache.set(jurisdiction, perDate);
      }
      let resolved = perDate.get(date);
      if (!resolved) {
        resolved = resolveUncached(jurisdiction, date);
        // Bounded by the calendar days actually seen; cleared if a run spans decades.
        if (perDate.size > 20_000) perDate.clear();
        perDate.set(date, resolved);
      }
      return resolved;
    },
    documentByKey(key) {
      return documents.get(key);
    },
  };
}

export const DEFAULT_LIBRARY_DATA: PolicyLibraryData = { documents: POLICY_DOCUMENTS, parameters: PARAMETER_CATALOGUE };

/** The library the engine uses unless a caller passes another; validated when this module loads. */
export const DEFAULT_LIBRARY: PolicyLibrary = loadLibrary(DEFAULT_LIBRARY_DATA);

/** Catalogue rows for the policy-library page: one per parameter and jurisdiction version. */
export function listParameterVersions(library: PolicyLibrary = DEFAULT_LIBRARY): Array<{
  id: ParameterId;
  label: string;
  stage: string;
  unit: string;
  versions: AnyVersion[];
}> {
  const ids = Object.keys(library.data.parameters) as ParameterId[];
  return ids.map((id) => {
    const definition = library.data.parameters[id];
    return { id, label: definition.label, stage: definition.stage, unit: definition.unit, versions: [...(definition.versions as readonly AnyVersion[])] };
  });
}
