/**
 * Every credential value the app handles, so that none can reach a log: secret stores remember each value
 * they are given or hand out, and the log writer replaces any occurrence with "[secret]". Redaction by
 * construction, not by remembering to leave something out.
 */
const remembered = new Set<string>();
const MIN_LENGTH = 6;

export function rememberSecret(value: string | null | undefined): void {
  if (value && value.length >= MIN_LENGTH) remembered.add(value);
}

export function forgetSecret(value: string | null | undefined): void {
  if (value) remembered.delete(value);
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of remembered) if (out.includes(secret)) out = out.split(secret).join('[secret]');
  return out;
}
