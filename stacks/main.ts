/**
 * The cdktf app: every site profile in `stacks/sites/` becomes a `<site>-platform` and a
 * `<site>-tenants` stack. Profiles are read from their TypeScript sources on every run (see
 * lib/cli/profiles.ts), never from compiled copies in `dist/`, so a deleted, renamed or edited
 * profile is seen as it is now.
 *
 * `npm run synth` runs this file directly and writes `cdktf.out/` all or nothing; under the cdktf
 * CLI (`npx cdktf synth|diff|deploy`), which sets CDKTF_OUTDIR, the CLI owns the output directory
 * and this app validates and synthesizes into it (lib/cli/cdktf-app.ts). Either way Terraform state
 * and provider lock files are kept outside the output (lib/cli/outdir.ts).
 */
import * as path from 'path';
import { runCdktfApp } from '../lib/cli/cdktf-app';
import { defaultSitesDir } from '../lib/cli/profiles';
import { synthesizeDirectory } from '../lib/cli/synth-command';

// This repository's own profiles, found from this file (compiled to dist/stacks/ or run as source),
// whatever the working directory: the nearest directory upward with cdktf.json, then stacks/sites.
const sites = defaultSitesDir(__dirname);
if (process.env.CDKTF_OUTDIR) {
  process.exitCode = runCdktfApp(sites, process.env.CDKTF_OUTDIR);
} else {
  process.exitCode = synthesizeDirectory(sites, path.resolve(process.env.AIF_OUTDIR ?? 'cdktf.out'));
}
