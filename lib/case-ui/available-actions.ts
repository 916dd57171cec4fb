// Which of the case page's forms to show to this actor: a form for a transition the actor's role
// and the case's state allow. The command decides again on the server (region, duty, the
// procedure's conditions), so this only keeps the page from offering what would be refused.
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { permissionOf, TRANSITIONS } from "@/lib/workflow/case-machine";
import type { TransitionName, WorkflowCase } from "@/lib/workflow/workflow-case";

export function mayOffer(actor: Pick<Actor, "role">, kase: Pick<WorkflowCase, "kind" | "state">, transition: TransitionName): boolean {
  return hasPermission(actor.role, permissionOf(transition, kase.kind)) && TRANSITIONS[transition].from.includes(kase.state);
}

/** The county decision is the approver's, but not for someone who worked on the case before (segregation of duties). */
export function decisionBlockedByDuty(actor: Pick<Actor, "id" | "role">, kase: Pick<WorkflowCase, "kind" | "state" | "participants">): boolean {
  return mayOffer(actor, kase, "approve") && kase.participants.includes(actor.id);
}
