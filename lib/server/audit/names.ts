import "server-only";
import type { Tx } from "@/lib/server/db/client";

/** Who acted, as people read it (issue 12 §10): the person's name and unit, never the login or an id. */
export interface AuditActorName {
  name: string;
  unit: string;
}

export interface AuditRowRef {
  actorId: string | null;
  entity: string;
  entityId: string | null;
}

/** The names of the people and records a page of audit rows mentions, looked up once per page. */
export interface AuditNames {
  actor(row: AuditRowRef): AuditActorName | null;
  /** A case reads as its institution and plan; a plan by its title; a person by name and unit; else null. */
  entity(row: AuditRowRef): string | null;
}

const ids = (rows: readonly AuditRowRef[], entity: string) => [...new Set(rows.filter((r) => r.entity === entity && r.entityId).map((r) => r.entityId!))];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (values: string[]) => values.filter((value) => UUID.test(value));

/**
 * Names for audit rows (issue 12 §10: the case history and the audit log named people by login and records by
 * UUID). The caller has already scoped the rows; the names are of records those rows already name.
 */
export async function nameAuditRows(db: Tx, rows: readonly AuditRowRef[]): Promise<AuditNames> {
  const userIds = uuids([...new Set([...rows.map((r) => r.actorId).filter((id): id is string => id !== null), ...ids(rows, "User")])]);
  const [users, cases, plans, organizations, institutions, teams, draws] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true, organization: { select: { name: true } } } }),
    db.inspectionCase.findMany({ where: { id: { in: uuids(ids(rows, "InspectionCase")) } }, select: { id: true, institution: { select: { name: true } }, plan: { select: { title: true } } } }),
    db.plan.findMany({ where: { id: { in: uuids(ids(rows, "Plan")) } }, select: { id: true, title: true } }),
    db.organization.findMany({ where: { id: { in: uuids(ids(rows, "Organization")) } }, select: { id: true, name: true } }),
    db.institution.findMany({ where: { id: { in: uuids(ids(rows, "Institution")) } }, select: { id: true, name: true } }),
    db.team.findMany({ where: { id: { in: uuids(ids(rows, "Team")) } }, select: { id: true, name: true, plan: { select: { title: true } } } }),
    db.draw.findMany({ where: { id: { in: uuids(ids(rows, "Draw")) } }, select: { id: true, plan: { select: { title: true } } } }),
  ]);
  const people = new Map(users.map((u) => [u.id, { name: u.displayName, unit: u.organization.name }]));
  const entities = new Map<string, string>([
    ...cases.map((c) => [`InspectionCase:${c.id}`, `${c.institution.name}（${c.plan.title}）`] as const),
    ...plans.map((p) => [`Plan:${p.id}`, p.title] as const),
    ...organizations.map((o) => [`Organization:${o.id}`, o.name] as const),
    ...institutions.map((i) => [`Institution:${i.id}`, i.name] as const),
    ...teams.map((team) => [`Team:${team.id}`, `${team.name}（${team.plan.title}）`] as const),
    ...draws.map((d) => [`Draw:${d.id}`, d.plan.title] as const),
    ...users.map((u) => [`User:${u.id}`, `${u.displayName}（${u.organization.name}）`] as const),
  ]);
  return {
    actor: (row) => (row.actorId ? (people.get(row.actorId) ?? null) : null),
    entity: (row) => (row.entityId ? (entities.get(`${row.entity}:${row.entityId}`) ?? null) : null),
  };
}
