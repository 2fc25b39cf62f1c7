/**
 * The team draw at the provincial kickoff (Jilin plan §四(一)2–3): regions are cross-grouped
 * (cross-grouping.ts), then experts and third-party staff are drawn into the teams.
 *
 * Teams take their people one team at a time, in the ticket order of the inspected regions. Each
 * pool is walked in a fixed order: those who did not serve last year by ticket, then those who
 * did by ticket (rotation, DOMAIN.md 专家库). A team takes the first people of that order who are
 * in no team yet and not recused for its region; each recused person it passes is a skip. A team the pool cannot fill keeps whom it got, and the shortfall is recorded: the
 * bureau adds people by hand rather than the draw bending recusal.
 *
 * A replacement (a conflict declared after the draw, issue 8 §4, §7) removes the person from the
 * team and from the rest of this draw, and the team walks the same order again for the first
 * person in no team, not withdrawn and not recused: the next eligible ticket.
 */
import { crossGroup, type Assignment } from "@/lib/domain/draw/cross-grouping";
import { ALGORITHM_VERSION } from "@/lib/domain/draw/manifest";
import { type Pool, POOLS, poolOf, type PublicTeamManifest } from "@/lib/domain/draw/team-manifest";
import { DrawError } from "@/lib/domain/draw/errors";
import { sortByTicket } from "@/lib/domain/draw/tickets";

export type TeamCandidate = { list: "REGION" | Pool; id: string };
export type Team = Assignment & { experts: string[]; thirdParty: string[] };
export type TeamShortfall = { inspected: string; pool: Pool; needed: number; drawn: number };
export type TeamResult = { teams: Team[]; mutualPairs: [string, string][]; shortfalls: TeamShortfall[] };
/** A recused person passed over; why they are recused is the bureau's (the committed ties, ADR 019). */
export type TeamSkip = { pool: Pool; inspected: string; id: string };

export type ReplacementRequest = {
  pool: Pool;
  /** The team, by the region it inspects. */
  inspected: string;
  withdrawn: string;
  reason: string;
  declaredAt: string;
};
export type Replacement = ReplacementRequest & {
  replacedBy: string | null;
  skips: { id: string }[];
};

export type TeamRules = {
  algorithm: typeof ALGORITHM_VERSION;
  crossGrouping: "LEX_FIRST_FEWEST_MUTUAL_PAIRS";
  inspectionsPerRegion: { min: number; max: number };
  teamOrder: "INSPECTED_REGION_TICKET";
  personOrder: "NOT_SERVED_LAST_YEAR_FIRST_THEN_TICKET";
  pools: { pool: Pool; perTeam: number; people: number }[];
};

export type TeamDraw = {
  rules: TeamRules;
  candidates: TeamCandidate[];
  tickets: string[];
  result: TeamResult;
  skips: TeamSkip[];
};

const memberKey = (pool: Pool): "experts" | "thirdParty" => (pool === "EXPERT" ? "experts" : "thirdParty");

/** The order a pool is walked in: not served last year by ticket, then served last year by ticket. */
function walkOrder(people: readonly { id: string; servedLastYear: boolean }[], seed: string): { id: string; ticket: string }[] {
  const ticketed = sortByTicket(people, seed, (p) => p.id);
  return [...ticketed.filter((t) => !t.item.servedLastYear), ...ticketed.filter((t) => t.item.servedLastYear)].map(
    ({ id, ticket }) => ({ id, ticket }),
  );
}

function recusalLookup(manifest: PublicTeamManifest): (id: string, region: string) => boolean {
  const recused = new Set(manifest.recusals.map((r) => `${r.id}\n${r.region}`));
  return (id, region) => recused.has(`${id}\n${region}`);
}

export function teamRules(manifest: PublicTeamManifest): TeamRules {
  const m = manifest.inspected.length;
  const k = manifest.participating.length;
  return {
    algorithm: ALGORITHM_VERSION,
    crossGrouping: "LEX_FIRST_FEWEST_MUTUAL_PAIRS",
    inspectionsPerRegion: { min: Math.floor(m / k), max: Math.ceil(m / k) },
    teamOrder: "INSPECTED_REGION_TICKET",
    personOrder: "NOT_SERVED_LAST_YEAR_FIRST_THEN_TICKET",
    pools: POOLS.map((pool) => ({ pool, perTeam: poolOf(manifest, pool).perTeam, people: poolOf(manifest, pool).people.length })),
  };
}

/**
 * The whole team draw of a manifest under a seed: pure, the same inputs always give the same draw. Reads only
 * what the public manifest holds, so a full manifest and its public form draw the same.
 */
export function drawTeams(manifest: PublicTeamManifest, seed: string): TeamDraw {
  const inspected = manifest.inspected.map((r) => r.code);
  const participating = manifest.participating.map((r) => r.code);
  const { assignments, mutualPairs } = crossGroup(inspected, participating, seed);
  const regionIds = [...new Set([...inspected, ...participating])];
  const regionTickets = new Map(sortByTicket(regionIds, seed, (id) => id).map((t) => [t.id, t.ticket]));

  const candidates: TeamCandidate[] = regionIds.map((id) => ({ list: "REGION", id }));
  const tickets = regionIds.map((id) => regionTickets.get(id)!);
  const teams: Team[] = assignments.map((a) => ({ ...a, experts: [], thirdParty: [] }));
  const shortfalls: TeamShortfall[] = [];
  const skips: TeamSkip[] = [];
  const recusalsOf = recusalLookup(manifest);

  for (const pool of POOLS) {
    const { perTeam, people } = poolOf(manifest, pool);
    const order = walkOrder(people, seed);
    const ticketOf = new Map(order.map((t) => [t.id, t.ticket]));
    for (const person of people) {
      candidates.push({ list: pool, id: person.id });
      tickets.push(ticketOf.get(person.id)!);
    }
    const assigned = new Set<string>();
    for (const team of teams) {
      const members = team[memberKey(pool)];
      for (const { id } of order) {
        if (members.length === perTeam) break;
        if (assigned.has(id)) continue;
        if (recusalsOf(id, team.inspected)) {
          skips.push({ pool, inspected: team.inspected, id });
          continue;
        }
        members.push(id);
        assigned.add(id);
      }
      if (members.length < perTeam) shortfalls.push({ inspected: team.inspected, pool, needed: perTeam, drawn: members.length });
    }
  }

  return {
    rules: teamRules(manifest),
    candidates,
    tickets,
    result: { teams, mutualPairs, shortfalls },
    skips,
  };
}

/** The teams as they stand after the replacements, in order. */
export function currentTeams(result: TeamResult, replacements: readonly Replacement[]): Team[] {
  const teams = result.teams.map((t) => ({ ...t, experts: [...t.experts], thirdParty: [...t.thirdParty] }));
  for (const r of replacements) {
    const team = teams.find((t) => t.inspected === r.inspected);
    if (!team) continue;
    const members = team[memberKey(r.pool)];
    const at = members.indexOf(r.withdrawn);
    if (at >= 0) members.splice(at, 1, ...(r.replacedBy ? [r.replacedBy] : []));
  }
  return teams;
}

/**
 * Applies conflicts declared after the draw, in order, each taking the next eligible ticket.
 * Throws NOT_A_TEAM_MEMBER when the withdrawn person is not (or no longer) on that team.
 */
export function replaceMembers(
  manifest: PublicTeamManifest,
  seed: string,
  result: TeamResult,
  requests: readonly ReplacementRequest[],
): Replacement[] {
  const recusalsOf = recusalLookup(manifest);
  const orders = new Map(POOLS.map((pool) => [pool, walkOrder(poolOf(manifest, pool).people, seed)]));
  const withdrawn = new Set<string>();
  const done: Replacement[] = [];
  for (const [i, request] of requests.entries()) {
    const teams = currentTeams(result, done);
    const team = teams.find((t) => t.inspected === request.inspected);
    if (!team || !team[memberKey(request.pool)].includes(request.withdrawn)) {
      throw new DrawError(
        "NOT_A_TEAM_MEMBER",
        `${request.withdrawn} is not on the ${request.pool} list of the team inspecting ${request.inspected}`,
        `replacements[${i}]`,
      );
    }
    withdrawn.add(request.withdrawn);
    const assigned = new Set(teams.flatMap((t) => t[memberKey(request.pool)]));
    const skips: Replacement["skips"] = [];
    let replacedBy: string | null = null;
    for (const { id } of orders.get(request.pool)!) {
      if (assigned.has(id) || withdrawn.has(id)) continue;
      if (recusalsOf(id, request.inspected)) {
        skips.push({ id });
        continue;
      }
      replacedBy = id;
      break;
    }
    const { pool, inspected, reason, declaredAt } = request;
    done.push({ pool, inspected, withdrawn: request.withdrawn, reason, declaredAt, replacedBy, skips });
  }
  return done;
}
