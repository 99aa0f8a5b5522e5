/**
 * Every binary this process built but did not smoke-run (shared/emulate.ts records them), for the job summary
 * the runtime writes when the step ends. A module of its own so that the runtime, which every step loads,
 * does not load the emulation code and the process runner behind it.
 */
const notRun: Array<{ binary: string; arch: string; reason: string }> = []

export function recordNotRun(binary: string, arch: string, reason: string): void {
  notRun.push({ binary, arch, reason })
}

/** Markdown listing every binary not run (empty when all ran): the job summary's part. */
export function notRunSummary(): string {
  if (notRun.length === 0) return ''
  const rows = notRun.map((n) => `| \`${n.binary.split('/').pop()}\` | ${n.arch} | ${n.reason.replaceAll('|', '\\|')} |`)
  return [
    `**Smoke runs not done: ${notRun.length} binaries were built but never run** (ELF checks still applied)`,
    '',
    '| binary | arch | why |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n')
}
