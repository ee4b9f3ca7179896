import { z } from "@hono/zod-openapi";
import { OneTimeTokenField, PasswordField } from "./common.schemas";

const NewPassword = PasswordField.openapi({ description: "12–128 characters, not a commonly used password" });

export const ChangePasswordBody = z
  .object({ currentPassword: PasswordField, newPassword: NewPassword })
  .openapi("ChangePasswordRequest");

export const ResetPasswordBody = z
  .object({ token: OneTimeTokenField, newPassword: NewPassword })
  .openapi("ResetPasswordRequest");
