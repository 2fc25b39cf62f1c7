// Moved to lib/policy/actor.ts (pure, shared with components).
export * from "@/lib/policy/actor";
