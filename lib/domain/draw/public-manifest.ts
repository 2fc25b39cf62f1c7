/**
 * The one place a manifest becomes what is published and hashed (ADR 019). Whatever form the caller holds (the
 * bureau's full manifest with committed values and salts, or the public one), the hash is always of the public
 * form, so the seed, the record and the verifier agree, and no private value can reach a published hash.
 */
import { canonicalHash } from "@/lib/domain/draw/canonical-json";
import { publicTargetManifest, type PublicTargetManifest, type TargetManifest } from "@/lib/domain/draw/target-manifest";
import { publicTeamManifest, type PublicTeamManifest, type TeamManifest } from "@/lib/domain/draw/team-manifest";

export type AnyManifest = TargetManifest | PublicTargetManifest | TeamManifest | PublicTeamManifest;
export type PublicManifest = PublicTargetManifest | PublicTeamManifest;

export function publicManifest(manifest: TargetManifest | PublicTargetManifest): PublicTargetManifest;
export function publicManifest(manifest: TeamManifest | PublicTeamManifest): PublicTeamManifest;
export function publicManifest(manifest: AnyManifest): PublicManifest;
export function publicManifest(manifest: AnyManifest): PublicManifest {
  return manifest.kind === "TARGETS" ? publicTargetManifest(manifest) : publicTeamManifest(manifest);
}

/** SHA-256 of the public manifest's canonical JSON (docs/draw.md, "Canonical JSON"). */
export function manifestHash(manifest: AnyManifest): string {
  return canonicalHash(publicManifest(manifest));
}
