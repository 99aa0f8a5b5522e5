/** The redaction list every log line, error and summary passes through. */
const secrets = new Set<string>()

export function addSecret(value: string): void {
  if (value && value.length >= 3) secrets.add(value)
}

export function redact(text: string): string {
  let out = text
  for (const s of secrets) out = out.split(s).join('***')
  return out
}
