// The policy library as JSON for the policy-library page: documents, and every parameter with its
// Chinese label, stage and dated, cited versions (amounts as yuan strings, rates as percentages).
import type { JsonValue } from "../to-json";
import { toJson } from "../to-json";
import type { PolicyDocument } from "./documents";
import type { PolicyLibrary } from "./policy-library";
import { DEFAULT_LIBRARY, listParameterVersions } from "./policy-library";
import { STAGE_LABELS } from "./stages";
import type { StageId } from "./stages";

export type CatalogueVersion = {
  jurisdiction: string;
  from: string;
  to: string | null;
  value: JsonValue;
  citation: { document: string; article: string; documentNumber: string | null };
};

export type CatalogueParameter = { id: string; label: string; stage: string; stageLabel: string; unit: string; versions: CatalogueVersion[] };

export function describeLibrary(library: PolicyLibrary = DEFAULT_LIBRARY): { documents: readonly PolicyDocument[]; parameters: CatalogueParameter[] } {
  const parameters = listParameterVersions(library).map((row) => ({
    id: row.id,
    label: row.label,
    stage: row.stage,
    stageLabel: STAGE_LABELS[row.stage as StageId]?.label ?? row.stage,
    unit: row.unit,
    versions: row.versions.map((version) => ({
      jurisdiction: version.jurisdiction,
      from: version.from,
      to: version.to,
      value: toJson(version.value),
      citation: { ...version.citation, documentNumber: library.documentByKey(version.citation.document)?.number ?? null },
    })),
  }));
  return { documents: library.data.documents, parameters };
}
