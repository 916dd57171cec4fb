// The jurisdiction tree: a rule applies to its own jurisdiction and everything below it.
import type { JurisdictionNode } from "../domain";

const PARENT: Readonly<Record<JurisdictionNode, JurisdictionNode | null>> = {
  CN: null,
  "CN-SX": "CN",
  "CN-SX-YQ": "CN-SX",
  "CN-CQ": "CN",
  "CN-CQ-QJ": "CN-CQ",
};

/** The jurisdiction and its ancestors, nearest first: CN-SX-YQ sees CN-SX and CN. */
export function jurisdictionChain(jurisdiction: JurisdictionNode): JurisdictionNode[] {
  const chain: JurisdictionNode[] = [];
  let node: JurisdictionNode | null = jurisdiction;
  while (node !== null) {
    chain.push(node);
    node = PARENT[node];
  }
  return chain;
}

export function isWithinJurisdiction(node: JurisdictionNode, ancestor: JurisdictionNode): boolean {
  return jurisdictionChain(node).includes(ancestor);
}

