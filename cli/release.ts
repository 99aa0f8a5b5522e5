/**
 * The release of a whole Charmed Kubernetes, cdk-release.yaml (shared/release/), as
 * .github/workflows/release.yml and promote.yml run it, and the steps those workflows run through this CLI.
 *
 *   build-snaps release [run] ...   the whole pipeline locally: release.yml's jobs in its order (plan → build per
 *       arch → pack per entry → charm per charm → snaps → release per charm → bundle → summary), each job on its
 *       runner (cli/release/runner.ts), through the same dist bundles (runActionLocally), against a loopback
 *       mirror of stand-in upstream binaries (cross-compiled with go) and the charmcraft and snapcraft TEST
 *       DOUBLES (test/doubles/) instead of Charmhub and the Snap Store; with --promote, promote.yml.
 *   build-snaps release plan | snaps | record | bundle | checksums | sboms | attested | summarize ...
 *       the workflows' run: steps.
 *   build-snaps release serve-mirror --dir D ...   only the loopback mirror; writes D/url, serves until killed.
 *
 * Each mode's options are its table in RELEASE_COMMANDS (cli/release/cli.ts), which its parser and its --help read.
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
