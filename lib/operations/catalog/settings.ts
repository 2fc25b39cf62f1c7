/** The bureau's settings for handling cases (issue 12 §5). */
import { z } from "zod";
import { ZUpdateHandlingSettingsInput } from "@/lib/validation/cases";
import { defineOperation } from "../types";

const TAG = "Settings";

export const SETTINGS_OPERATIONS = {
  getHandling: defineOperation({
    name: "settings.getHandling",
    labelKey: "settings.handlingTitle",
    summary: "The threshold beyond which a city's handling result needs a written explanation of its difference from the handed-over result.",
    tag: TAG,
    input: z.strictObject({}),
    permission: "case.read",
    audit: "handlingSettings.read",
    http: { method: "GET", path: "/settings/handling" },
  }),
  updateHandling: defineOperation({
    name: "settings.updateHandling",
    labelKey: "settings.updateHandling",
    summary: "Set the difference threshold (Jilin plan §四(三)): more than a share of the handed-over amount, or more than an amount in yuan.",
    tag: TAG,
    input: ZUpdateHandlingSettingsInput,
    permission: "handlingSettings.manage",
    audit: "handlingSettings.update",
    http: { method: "PUT", path: "/settings/handling" },
    form: {
      fields: [
        { name: "differenceThresholdPercent", labelKey: "settings.differenceThresholdPercent", kind: "money", required: true },
        { name: "differenceThresholdAmount", labelKey: "settings.differenceThresholdAmount", kind: "money", required: true },
      ],
    },
  }),
} as const;
