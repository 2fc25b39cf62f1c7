// Moved to lib/policy/can.ts (pure, shared with components).
export * from "@/lib/policy/can";
