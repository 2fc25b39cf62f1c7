// Moved to lib/operations/result.ts (pure, shared with components).
export type { ActionResult, ActionFailure } from "@/lib/operations/result";
