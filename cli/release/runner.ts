/**
 * The local pipeline plays each job on its runner: what GitHub sets in a job's environment for its `runs-on`
 * (docs: "Variables reference", RUNNER_ARCH; the hosted images' ImageOS), so the charmcraft a job calls sees
 * the machine it would see on GitHub. A self-hosted s390x/ppc64el runner is played as an Ubuntu 22.04 machine
 * of that arch (SELF_HOSTED_RELEASE); LXD is there for the jobs whose route sets it up.
 */
import { ARCHES, parseArch } from '../../shared/arch.js'
import { SELF_HOSTED_RELEASE } from '../../shared/charm/routes.js'

const HOSTED = /^ubuntu-(\d\d)\.04(-arm)?$/

/** RUNNER_ARCH and ImageOS for a runs-on value (a hosted label, or the self-hosted label list). */
export function runnerEnv(runsOn: string | string[]): Record<string, string> {
  if (typeof runsOn === 'string') {
    const m = HOSTED.exec(runsOn)
    if (!m) throw new Error(`runs-on '${runsOn}' is not a GitHub-hosted Ubuntu label this pipeline plays`)
    return { RUNNER_ARCH: parseArch(m[2] ? 'arm64' : 'amd64').runner!, ImageOS: `ubuntu${m[1]}` }
  }
  // A label names the arch as Debian (s390x, ppc64el) or as GitHub's runner does (x64, arm64).
  const arch = runsOn.map((l) => ARCHES.find((a) => l === a.debian || l === a.runner?.toLowerCase())?.runner).find(Boolean)
  if (!runsOn.includes('self-hosted') || !arch)
    throw new Error(`runs-on [${runsOn.join(', ')}] is not a self-hosted label list this pipeline plays`)
  return { RUNNER_ARCH: arch, ImageOS: `ubuntu${SELF_HOSTED_RELEASE.split('.')[0]}` }
}

/** The runs-on of release.yml's fixed jobs (every job but pack and, for s390x with a runner, build). */
export const HOSTED_JOB = 'ubuntu-24.04'

/** The build job's runs-on (release.yml: the s390x build on the self-hosted runner when S390X_RUNNER is set). */
export function buildRunsOn(arch: string, s390xRunner: boolean): string | string[] {
  return arch === 's390x' && s390xRunner ? ['self-hosted', 'linux', 's390x'] : HOSTED_JOB
}
