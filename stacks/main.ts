/**
 * The cdktf app: every site profile in `stacks/sites/` becomes a `<site>-platform` and a
 * `<site>-tenants` stack.
 *
 * `npm run synth` runs this file directly and writes `cdktf.out/` all or nothing; under the cdktf
 * CLI (`npx cdktf synth|diff|deploy`), which sets CDKTF_OUTDIR, the CLI owns the output directory
 * and this app only validates and synthesizes into it.
 */
import { App } from 'cdktf';
import * as path from 'path';
import { carryOverWorkingFiles, stateInOutputProblems } from '../lib/cli/outdir';
import { addSites, loadProfiles, profileProblems, synthesizeSites } from '../lib/cli/synth';

function fail(problems: readonly string[]): never {
  process.stderr.write(
    `The site profiles have ${problems.length} problem(s); nothing was synthesized:\n` +
      problems.map((p) => `  ${p}\n`).join(''),
  );
  process.exit(1);
}

let profiles;
try {
  profiles = loadProfiles(path.join(__dirname, 'sites'));
} catch (e) {
  // A profile module that does not load (syntax error, missing export) is a problem like any other.
  fail([`a site profile could not be loaded: ${e instanceof Error ? e.message : String(e)}`]);
}
if (process.env.CDKTF_OUTDIR) {
  // The CLI removes the directory of every stack the app no longer synthesizes: refuse while any
  // Terraform state lies inside the output.
  const outdir = process.env.CDKTF_OUTDIR;
  const problems = [...stateInOutputProblems(outdir), ...profileProblems(profiles)];
  if (problems.length > 0) fail(problems);
  const app = new App({ stackTraces: false });
  addSites(app, profiles);
  app.synth();
  carryOverWorkingFiles(outdir, outdir);
} else {
  const outdir = path.resolve(process.env.AIF_OUTDIR ?? 'cdktf.out');
  const result = synthesizeSites(profiles, outdir);
  if (!result.ok) fail(result.problems);
  process.stdout.write(
    `Synthesized ${result.stacks.length} stacks into ${path.relative(process.cwd(), outdir) || '.'}:\n`,
  );
  for (const s of result.stacks) process.stdout.write(`  ${s}\n`);
}
