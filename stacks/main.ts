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
import { addSites, loadProfiles, profileProblems, synthesizeSites } from '../lib/cli/synth';
import { withoutCreationStackTraces } from '../lib/platform/stack-traces';

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
  const problems = profileProblems(profiles);
  if (problems.length > 0) fail(problems);
  const app = new App({ stackTraces: false });
  withoutCreationStackTraces(() => {
    addSites(app, profiles);
    app.synth();
  });
} else {
  const outdir = path.resolve(process.env.AIF_OUTDIR ?? 'cdktf.out');
  const result = synthesizeSites(profiles, outdir);
  if (!result.ok) fail(result.problems);
  process.stdout.write(
    `Synthesized ${result.stacks.length} stacks into ${path.relative(process.cwd(), outdir) || '.'}:\n`,
  );
  for (const s of result.stacks) process.stdout.write(`  ${s}\n`);
}
