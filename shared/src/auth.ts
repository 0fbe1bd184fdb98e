import { z } from 'zod';
import { OrganizationCode } from './organizations.js';
import { UserStatus } from './roles.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const Email = z
  .string({ error: 'Skriv din e-mailadresse' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'E-mailadressen er for lang' })
  .pipe(z.email({ error: 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk' }));

/** Length only: the common-password check needs the server's word list. */
export const NewPassword = z
  .string({ error: 'Vælg en adgangskode' })
  .min(PASSWORD_MIN_LENGTH, { error: `Adgangskoden skal være på mindst ${PASSWORD_MIN_LENGTH} tegn` })
  .max(PASSWORD_MAX_LENGTH, { error: `Adgangskoden må højst være på ${PASSWORD_MAX_LENGTH} tegn` });

/** Tab, newline, NUL and the other C0/C1 controls: never part of a one-line field (and NUL cannot be stored). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
export const noControlCharacters = (value: string) => !CONTROL_CHARACTERS.test(value);

export const PersonName = z
  .string({ error: 'Skriv dit navn' })
  .trim()
  .min(2, { error: 'Skriv dit fulde navn' })
  .max(120, { error: 'Navnet må højst være på 120 tegn' })
  .regex(/^[^<>{}\\]*$/, { error: 'Navnet må ikke indeholde tegnene < > { } \\' })
  .refine(noControlCharacters, { error: 'Navnet må ikke indeholde linjeskift eller kontroltegn' });

export const RegisterSchema = z.strictObject({
  email: Email,
  password: NewPassword,
  name: PersonName,
  organizationCode: OrganizationCode,
});
export type RegisterInput = z.input<typeof RegisterSchema>;

export const RegisterResultSchema = z.object({
  id: z.string(),
  status: UserStatus,
  /** True when the address is not on the municipality's domain: an org admin must approve. */
  needsApproval: z.boolean(),
});
export type RegisterResult = z.infer<typeof RegisterResultSchema>;

const Token = z
  .string({ error: 'Linket mangler sin kode' })
  .trim()
  .min(16, { error: 'Linket er ugyldigt' })
  .max(200, { error: 'Linket er ugyldigt' })
  .regex(/^[\w-]+$/, { error: 'Linket er ugyldigt' });

export const VerifyEmailSchema = z.strictObject({ token: Token });

export const VerifyEmailResultSchema = z.object({
  status: UserStatus,
  needsApproval: z.boolean(),
});
export type VerifyEmailResult = z.infer<typeof VerifyEmailResultSchema>;

export const LoginSchema = z.strictObject({
  email: Email,
  password: z
    .string({ error: 'Skriv din adgangskode' })
    .min(1, { error: 'Skriv din adgangskode' })
    .max(PASSWORD_MAX_LENGTH, { error: 'Forkert e-mail eller adgangskode' }),
});
export type LoginInput = z.input<typeof LoginSchema>;

export const ForgotPasswordSchema = z.strictObject({ email: Email });

export const ResetPasswordSchema = z.strictObject({ token: Token, password: NewPassword });

export const ChangePasswordSchema = z.strictObject({
  currentPassword: z
    .string({ error: 'Skriv din nuværende adgangskode' })
    .min(1, { error: 'Skriv din nuværende adgangskode' })
    .max(PASSWORD_MAX_LENGTH),
  newPassword: NewPassword,
});

export const ResendVerificationSchema = z.strictObject({ email: Email });
