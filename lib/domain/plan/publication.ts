/**
 * What a draft plan needs before it is published (issue 8 §1, issue 12 §6), as a checklist the editor shows
 * and the service enforces: one rule for both. A plan that draws needs whom it inspects, the ceremony's parties
 * (issue 8 §4: two or more commit to a salt), the participating regions of a provincial cross-inspection
 * (Jilin plan §四(一)2) and the years fund usage is ranked over. A plan without drawing rules names its targets
 * by hand once published (a tip-off, a city inspecting its own): it needs a team to name them for.
 */
export type PlanForPublication = { level: "PROVINCIAL" | "CITY" | "COUNTY"; parties: number; regions: number; participating: number; referenceYears: number; teams: number };

export type PublicationStep = "regions" | "parties" | "participating" | "referenceYears" | "teams";

export function publicationSteps(plan: PlanForPublication): { step: PublicationStep; done: boolean }[] {
  if (plan.regions === 0 && plan.teams > 0) return [{ step: "teams", done: true }];
  return [
    { step: "regions", done: plan.regions > 0 },
    { step: "participating", done: plan.level !== "PROVINCIAL" || plan.participating > 0 },
    { step: "parties", done: plan.parties >= 2 },
    { step: "referenceYears", done: plan.referenceYears > 0 },
  ];
}

/** The message keys of what is missing, the first one first (the order the service reports them). */
export function publicationProblems(plan: PlanForPublication): string[] {
  const order: PublicationStep[] = ["parties", "regions", "participating", "referenceYears"];
  return publicationSteps(plan)
    .filter((s) => !s.done)
    .sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step))
    .map((s) => `plans.publishProblems.${s.step}`);
}
