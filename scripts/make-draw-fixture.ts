/**
 * `npx tsx scripts/make-draw-fixture.ts`: writes the sample draw records in tests/fixtures/draws/
 * from a small fictional province, through the real engine and ceremony: each as published, and
 * as the bureau's full record (`*.full.json`, ADR 019), with every committed value and its salt.
 * Deterministic: a unit test rebuilds the records and compares them with the files, so a change
 * to the engine that changes a published draw shows up as a failing test, not a silent drift.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sha256Hex } from "@/lib/domain/crypto/sha256";
import { buildTargetRecord, buildTeamRecord, publicRecord, type TargetDrawRecord, type TeamDrawRecord, withReplacement } from "@/lib/domain/draw/record";
import { commitmentOf, runCeremony } from "@/lib/domain/draw/seed";
import { buildTargetManifest, type InstitutionInput } from "@/lib/domain/draw/target-manifest";
import { buildTeamManifest, type PersonInput } from "@/lib/domain/draw/team-manifest";

export const FIXTURE_DIR = fileURLToPath(new URL("../tests/fixtures/draws/", import.meta.url));
export const TARGET_FIXTURE = "targets-2024-220200.json";
export const TEAM_FIXTURE = "teams-2024.json";
export const TARGET_FULL_FIXTURE = "targets-2024-220200.full.json";
export const TEAM_FULL_FIXTURE = "teams-2024.full.json";

/** A fixed disclosure key, so the fixture is reproducible; a real manifest gets 256 fresh random bits. */
const disclosureKey = (label: string) => sha256Hex(`fixture disclosure key ${label}`);

const PARTIES = [
  { id: "BUREAU", name: "吉林省医疗保障局基金监管处（示例）" },
  { id: "DISCIPLINE", name: "驻局纪检监察组（示例）" },
  { id: "OBSERVER", name: "社会监督员（示例）" },
];

/** Salts are secret until the meeting and published with the record after it. */
function ceremonyInputs(label: string, publicEntropy: string) {
  const salts = PARTIES.map((party) => ({ party: party.id, salt: sha256Hex(`fixture salt ${label} ${party.id}`) }));
  return { commitments: salts.map((s) => ({ party: s.party, commitment: commitmentOf(s.salt) })), publicEntropy, salts };
}

/** A deterministic amount in fen from a label, so the sample reads like real data. */
const amountOf = (label: string, scale: number): number => (parseInt(sha256Hex(label).slice(0, 8), 16) % scale) * 100;

function institutions(): InstitutionInput[] {
  const history: Record<string, InstitutionInput["inspections"]> = {
    H220200003: [{ level: "NATIONAL", year: 2023 }],
    H220200007: [{ level: "PROVINCIAL", year: 2023 }],
    H220200010: [{ level: "NATIONAL", year: 2021 }],
    H220200012: [{ level: "PROVINCIAL", year: 2022 }],
    H220200015: [{ level: "PROVINCIAL", year: 2020 }],
    H220200018: [{ level: "NATIONAL", year: 2019 }, { level: "PROVINCIAL", year: 2023 }],
    H220200021: [{ level: "CITY", year: 2023 }],
    H220200025: [{ level: "PROVINCIAL", year: 2021 }],
    H220200027: [{ level: "PROVINCIAL", year: 2024 }],
    P220200002: [{ level: "NATIONAL", year: 2024 }],
    P220200006: [{ level: "PROVINCIAL", year: 2022 }],
  };
  const make = (kind: "HOSPITAL" | "PHARMACY", prefix: string, count: number, name: (i: number) => string, scale: number) =>
    Array.from({ length: count }, (_, n): InstitutionInput => {
      const code = `${prefix}${String(n + 1).padStart(3, "0")}`;
      // H220200013 and H220200014 tie on fund usage: the ranking breaks the tie by code.
      const key = code === "H220200014" ? "H220200013" : code;
      return {
        code,
        name: name(n + 1),
        kind,
        fundUsage: [2022, 2023].map((year) => ({ year, amount: amountOf(`${key} ${year}`, scale) })),
        inspections: history[code] ?? [],
      };
    });
  return [
    ...make("HOSPITAL", "H220200", 30, (i) => `吉林市示例第${i}医院`, 40_000_000),
    ...make("PHARMACY", "P220200", 15, (i) => `吉林市示例大药房第${i}店`, 3_000_000),
    { code: "A220200001", name: "吉林市医疗保障经办中心（示例）", kind: "AGENCY", fundUsage: [], inspections: [] },
  ];
}

/** The bureau's full record of the sample target draw; `publicRecord` of it is the published one. */
export function buildTargetFixture(): TargetDrawRecord {
  const manifest = buildTargetManifest({
    disclosureKey: disclosureKey("targets"),
    planId: "JL-2024-PROVINCIAL",
    planYear: 2024,
    referenceYears: [2022, 2023],
    parties: PARTIES,
    regions: [
      {
        code: "220200",
        name: "吉林市",
        institutions: institutions(),
        hospitalPool: { by: "TOP_K", k: 20 },
        hospitalCount: 4,
        designated: [{ code: "H220200005", as: "HOSPITAL", reason: "举报线索：疑似虚构诊疗项目（示例）" }],
      },
    ],
  });
  const ceremony = runCeremony(manifest, ceremonyInputs("targets", "52366778743734331430"));
  return buildTargetRecord({ manifest, ceremony, drawnAt: "2024-07-15T02:30:00.000Z" });
}

const REGIONS = [
  { code: "220100", name: "长春市（含省直）" },
  { code: "220200", name: "吉林市" },
  { code: "220300", name: "四平市" },
  { code: "220400", name: "辽源市" },
  { code: "220500", name: "通化市" },
  { code: "220581", name: "梅河口市" },
  { code: "220600", name: "白山市" },
  { code: "220700", name: "松原市" },
  { code: "220800", name: "白城市" },
  { code: "222400", name: "延边州（含长白山）" },
];

function people(prefix: string, count: number, employed: boolean): PersonInput[] {
  return Array.from({ length: count }, (_, n): PersonInput => {
    const home = REGIONS[n % REGIONS.length]!.code;
    const employerRegion = REGIONS[(n * 3) % REGIONS.length]!.code;
    return {
      id: `${prefix}${String(n + 1).padStart(4, "0")}`,
      employer: employed ? { code: `H${employerRegion}${String(n + 1).padStart(3, "0")}`, region: employerRegion } : null,
      homeRegion: home,
      servedLastYear: n % 4 === 1,
      // As the server writes it: the declaration's id, never its text.
      conflicts: n % 7 === 3 ? [{ region: REGIONS[(n + 5) % REGIONS.length]!.code, reason: `declaration D-2024-${String(n + 1).padStart(4, "0")}` }] : [],
    };
  });
}

/** The bureau's full record of the sample team draw; `publicRecord` of it is the published one. */
export function buildTeamFixture(): TeamDrawRecord {
  const manifest = buildTeamManifest({
    disclosureKey: disclosureKey("teams"),
    planId: "JL-2024-PROVINCIAL",
    planYear: 2024,
    parties: PARTIES,
    inspected: REGIONS,
    participating: REGIONS,
    experts: { perTeam: 2, people: people("E", 30, true) },
    thirdParty: { perTeam: 1, people: people("T", 14, false) },
  });
  const ceremony = runCeremony(manifest, ceremonyInputs("teams", "58203946175028364917"));
  const record = buildTeamRecord({ manifest, ceremony, drawnAt: "2024-07-05T01:00:00.000Z" });
  const team = record.result.teams[0]!;
  return withReplacement(record, {
    pool: "EXPERT",
    inspected: team.inspected,
    withdrawn: team.experts[0]!,
    reason: "declaration D-2024-0101",
    declaredAt: "2024-07-08T06:00:00.000Z",
  });
}

export const fixtureText = (record: TargetDrawRecord | TeamDrawRecord): string => `${JSON.stringify(record, null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const targets = buildTargetFixture();
  const teams = buildTeamFixture();
  writeFileSync(`${FIXTURE_DIR}${TARGET_FIXTURE}`, fixtureText(publicRecord(targets)));
  writeFileSync(`${FIXTURE_DIR}${TEAM_FIXTURE}`, fixtureText(publicRecord(teams)));
  writeFileSync(`${FIXTURE_DIR}${TARGET_FULL_FIXTURE}`, fixtureText(targets));
  writeFileSync(`${FIXTURE_DIR}${TEAM_FULL_FIXTURE}`, fixtureText(teams));
  console.log(`wrote ${FIXTURE_DIR}: ${TARGET_FIXTURE}, ${TEAM_FIXTURE}, ${TARGET_FULL_FIXTURE}, ${TEAM_FULL_FIXTURE}`);
}
