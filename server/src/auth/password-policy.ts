import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '@infraforum/shared';

/** Danish words that show up in leaked password lists and in municipal defaults. */
const DANISH_COMMON = [
  'adgangskode',
  'kodeord',
  'password',
  'velkommen',
  'sommer',
  'vinter',
  'foraar',
  'efteraar',
  'kommune',
  'infraforum',
  'kombit',
  'danmark',
  'hemmelig',
  'qwertyuiopå',
  'æøå',
];

let commonPasswords: Set<string> | undefined;
function common(): Set<string> {
  // The zxcvbn-ts list: ~49,000 passwords from public breach corpora.
  commonPasswords ??= new Set([...dictionary['passwords-common'], ...DANISH_COMMON].map((p) => p.toLowerCase()));
  return commonPasswords;
}

// Keyboard rows on the Danish layout and on the US layout many of us also type on.
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyzæøå', 'qwertyuiopåasdfghjklæøzxcvbnm', 'qwertyuiopasdfghjklzxcvbnm'];

/** Returns a Danish message when the password is too weak, undefined when it passes. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `Adgangskoden skal være på mindst ${PASSWORD_MIN_LENGTH} tegn`;
  const lower = password.toLowerCase();
  const tooCommon =
    'Adgangskoden er for almindelig og findes på lister over lækkede adgangskoder. Vælg en anden, fx en sætning af flere ord.';
  if (common().has(lower)) return tooCommon;
  // "password2024!" or "sommer123456" is a common word with digits and signs around it.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (core.length >= 4 && common().has(core)) return tooCommon;
  // The same word repeated: "passwordpassword", "abcabcabcabc".
  for (let size = 1; size <= lower.length / 2; size++) {
    if (lower.length % size === 0 && lower.slice(0, size).repeat(lower.length / size) === lower) return tooCommon;
  }
  if (SEQUENCES.some((seq) => seq.includes(lower) || seq.split('').reverse().join('').includes(lower))) return tooCommon;
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Adgangskoden må ikke indeholde din e-mailadresse';
  const nameParts = (context.name ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((part) => part.length >= 4);
  if (nameParts.some((part) => lower === part || core === part)) return 'Adgangskoden må ikke være dit navn';
  return undefined;
}
