// Moved to lib/errors.ts (pure, shared with components); kept so existing imports keep working.
export * from "@/lib/errors";
