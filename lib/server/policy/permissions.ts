// Moved to lib/policy/permissions.ts (pure, shared with components).
export * from "@/lib/policy/permissions";
