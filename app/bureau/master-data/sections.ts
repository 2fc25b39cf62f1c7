/** The sections of master data: where each lives and its tab label. */
export const SECTIONS = [
  { key: "regions", href: "/bureau/master-data/regions", labelKey: "masterData.tabs.regions" },
  { key: "institutions", href: "/bureau/master-data/institutions", labelKey: "masterData.tabs.institutions" },
  { key: "fundUsage", href: "/bureau/master-data/fund-usage", labelKey: "masterData.tabs.fundUsage" },
  { key: "inspections", href: "/bureau/master-data/inspection-history", labelKey: "masterData.tabs.inspections" },
  { key: "experts", href: "/bureau/master-data/experts", labelKey: "masterData.tabs.experts" },
  { key: "violationTypes", href: "/bureau/master-data/catalogue/violation-types", labelKey: "masterData.tabs.violationTypes" },
  { key: "keyAreas", href: "/bureau/master-data/catalogue/key-areas", labelKey: "masterData.tabs.keyAreas" },
  { key: "imports", href: "/bureau/master-data/import", labelKey: "masterData.tabs.import" },
] as const;
