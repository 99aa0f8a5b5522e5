/**
 * The release of a whole Charmed Kubernetes, cdk-release.yaml (shared/release/), as
 * .github/workflows/release.yml and promote.yml run it, and the steps those workflows run through this CLI.
 *
 *   build-snaps release [run] --config cdk-release.yaml [--dry-run true] [--channel C] [--output-dir release] [--resume true]
 *                       [--runners s390x,ppc64el] [--charmcraft PATH]
 *       the whole pipeline locally: release.yml's jobs in its order (plan → build per arch → pack per entry →
 *       charm per charm → release per charm → bundle → summary), each job on its runner (RUNNER_ARCH and ImageOS
 *       as GitHub sets them for its runs-on: cli/release/runner.ts; --runners plays the self-hosted runners the
 *       repository variables S390X_RUNNER / PPC64EL_RUNNER name), through the same dist bundles (runActionLocally), against a
 *       loopback mirror of stand-in upstream binaries (cross-compiled with go) and the charmcraft TEST DOUBLE
 *       (test/doubles/charmcraft) instead of Charmhub. The double's store state stays in <output-dir>/store,
 *       so a second run is a re-run; --resume true re-runs only the release with the artifacts already built
 *       (GitHub's "Re-run jobs" keeps the artifacts of the jobs that succeeded).
 *   build-snaps release --config F --promote 1.31/edge --channel 1.31/beta [--allow-missing-bases true]
 *       promote.yml locally: every charm, every base that 1.31/edge holds, released to 1.31/beta; then bundle.
 *   build-snaps release plan --config F [--channel C] [--dry-run B] [--promote FROM] [--base-url URL]
 *       the plan job: validates the description (one error line per bad field), writes the matrices.
 *   build-snaps release record | bundle | sboms | attested | summarize ...
 *       the other run: steps of the workflows (see each mode below).
 *   build-snaps release serve-mirror --dir D [--arches ...]
 *       only the loopback mirror (CI's self-test job runs the actions against it); writes D/url, serves until killed.
 */
export * from './release/plan.js'
export * from './release/records.js'
export * from './release/attest.js'
export * from './release/summary.js'
export * from './release/upstream.js'
export * from './release/context.js'
export * from './release/pipeline.js'
export * from './release/cli.js'
export * from './release/jobs.js'
export * from './release/runner.js'
