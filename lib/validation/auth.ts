import { z } from "zod";
import { tooLongMax } from "./primitives";

// Messages are catalog keys; the server and the form translate them into the user's language.
export const ZLoginInput = z.object({
  username: z.string().trim().min(1, { error: "validation.required" }).max(64, tooLongMax(64)),
  password: z.string().min(1, { error: "validation.required" }).max(256, tooLongMax(256)),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

export const PASSWORD_MIN_LENGTH = 10;

export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: "validation.passwordTooShort" })
  .max(256, tooLongMax(256))
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), { error: "validation.passwordWeak" });

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, { error: "validation.required" }),
    newPassword: ZNewPassword,
    confirmPassword: z.string().min(1, { error: "validation.required" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { error: "validation.passwordMismatch", path: ["confirmPassword"] });
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;
