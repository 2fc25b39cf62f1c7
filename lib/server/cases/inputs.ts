// The case inputs live in lib/validation/cases.ts (pure, shared by forms and the boundary).
export * from "@/lib/validation/cases";
