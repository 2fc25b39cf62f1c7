import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CASE_ACTOR_KINDS, CASE_EVENT_PERMISSIONS, CASE_EVENTS, TRANSITIONS, type CaseActorKind } from "@/lib/domain/case/workflow";
import { hasMessage } from "@/lib/i18n/translator";
import { CASE_EVENT_OPERATIONS, OPERATIONS, type OperationName } from "@/lib/operations";
import { ORGANIZATION_KINDS, ROLES } from "@/lib/policy/actor";
import { PERMISSIONS, ROLE_PERMISSIONS, roleHasPermission } from "@/lib/policy/permissions";
import { OrganizationKind, Role } from "@/lib/server/db/generated/enums";

const names = Object.keys(OPERATIONS) as OperationName[];

describe("the operations registry", () => {
  it("has one operation per case event, at POST /cases/{caseId}/events/<event>, needing the event's permission", () => {
    for (const event of CASE_EVENTS) {
      const operation = CASE_EVENT_OPERATIONS[event];
      expect(operation.caseEvent).toBe(event);
      expect(operation.http).toEqual({ method: "POST", path: `/cases/{caseId}/events/${event.toLowerCase().replace(/_/g, "-")}` });
      expect(operation.permission).toBe(CASE_EVENT_PERMISSIONS[event]);
      expect(OPERATIONS[operation.name as OperationName]).toBe(operation);
    }
  });

  it("gives every operation its own route, a known permission, and a label in both languages", () => {
    const routes = names.map((name) => `${OPERATIONS[name].http.method} ${OPERATIONS[name].http.path}`);
    expect(new Set(routes).size).toBe(routes.length);
    for (const name of names) {
      const operation = OPERATIONS[name];
      expect(operation.name).toBe(name);
      if (operation.permission !== null) expect(PERMISSIONS, name).toContain(operation.permission);
      for (const locale of ["zh-CN", "en"] as const) {
        expect(hasMessage(locale, operation.labelKey), `${locale} ${operation.labelKey}`).toBe(true);
        for (const field of operation.form?.fields ?? []) expect(hasMessage(locale, field.labelKey), `${locale} ${field.labelKey}`).toBe(true);
        if (operation.upload) expect(hasMessage(locale, operation.upload.labelKey)).toBe(true);
      }
    }
  });

  it("names in each form only fields its schema takes, and takes every path parameter from its schema", () => {
    for (const name of names) {
      const operation = OPERATIONS[name];
      const schema = operation.input as z.ZodType;
      const shape = (schema as unknown as { shape?: Record<string, unknown>; def?: { shape?: Record<string, unknown> } }).shape;
      if (!shape) continue;
      for (const field of operation.form?.fields ?? []) expect(Object.keys(shape), `${name}.${field.name}`).toContain(field.name);
      for (const [, param] of operation.http.path.matchAll(/\{(\w+)\}/g)) expect(Object.keys(shape), `${name} {${param}}`).toContain(param);
    }
  });

  it("refuses unknown fields instead of dropping them", () => {
    const result = CASE_EVENT_OPERATIONS.START_ON_SITE.input.safeParse({ caseId: "00000000-0000-4000-8000-000000000000", version: 1, state: "CLOSED" });
    expect(result.success).toBe(false);
  });
});

describe("one permission system: the role table and the workflow's parts agree", () => {
  // The roles that may play each part in a case (lib/domain/case/actors.ts).
  const ROLES_OF: Record<CaseActorKind, readonly (typeof ROLES)[number][]> = {
    BUREAU: ["BUREAU_ADMIN", "BUREAU_STAFF"],
    TEAM_LEADER: ["INSPECTOR"],
    TEAM_MEMBER: ["INSPECTOR"],
    CITY: ["CITY_STAFF"],
    INSTITUTION: ["INSTITUTION_STAFF"],
  };

  it("every role that plays a part in a row holds that event's permission", () => {
    for (const row of TRANSITIONS) {
      for (const kind of row.actors) for (const role of ROLES_OF[kind]) expect(roleHasPermission(role, CASE_EVENT_PERMISSIONS[row.event]), `${role} ${row.event}`).toBe(true);
    }
  });

  it("every role holding an event's permission plays a part in some row of that event", () => {
    for (const role of ROLES) {
      for (const event of CASE_EVENTS) {
        if (!roleHasPermission(role, CASE_EVENT_PERMISSIONS[event])) continue;
        const parts = TRANSITIONS.filter((row) => row.event === event).flatMap((row) => row.actors);
        expect(parts.some((kind) => ROLES_OF[kind].includes(role)), `${role} holds ${event} but plays no part in it`).toBe(true);
      }
    }
    expect(CASE_ACTOR_KINDS.length).toBe(Object.keys(ROLES_OF).length);
  });

  it("lists each role's permissions once, from the permission list", () => {
    for (const role of ROLES) {
      const held = ROLE_PERMISSIONS[role] as readonly string[];
      expect(new Set(held).size, role).toBe(held.length);
      for (const permission of held) expect(PERMISSIONS as readonly string[]).toContain(permission);
    }
  });

  it("repeats the database's roles and organization kinds exactly", () => {
    expect([...ROLES].sort()).toEqual(Object.values(Role).sort());
    expect([...ORGANIZATION_KINDS].sort()).toEqual(Object.values(OrganizationKind).sort());
  });
});
