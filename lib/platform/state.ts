/**
 * Where a site's Terraform state and provider lock files live: outside the synthesized output,
 * which every synthesis replaces.
 *
 * Terraform resolves a relative local-backend path against its working directory, which for cdktf
 * is `cdktf.out/stacks/<stack>/`: state written there is deleted by the next `npm run synth` (which
 * replaces `cdktf.out/`) or by the cdktf CLI (which removes the directory of a stack that is no
 * longer synthesized). The library therefore writes an absolute path, as cdktf's own default does.
 * https://developer.hashicorp.com/terraform/language/backend/local
 */
import * as fs from 'fs';
import * as path from 'path';

/** Environment variable that names the project root explicitly (used by `aif diff --base`). */
export const PROJECT_ROOT_ENV = 'AIF_PROJECT_ROOT';
/** Default directory of local state files, relative to the project root. */
export const DEFAULT_STATE_DIRECTORY = 'state';
/** Directory of the committed provider lock files, relative to the project root. */
export const LOCKS_DIRECTORY = 'locks';

/**
 * The project root: `$AIF_PROJECT_ROOT` if set, else the nearest directory at or above `cwd` that
 * holds a `cdktf.json` (the cdktf CLI runs the app there), else `cwd` itself. So `npm run synth`,
 * `npx cdktf synth` and a site repository's own scripts agree on one place, whichever
 * subdirectory they are started from.
 */
export function projectRoot(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env[PROJECT_ROOT_ENV];
  if (explicit) return path.resolve(cwd, explicit);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'cdktf.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

/** Absolute path of a stack's local state file: `<root>/<directory>/terraform.<stack>.tfstate`. */
export function localStatePath(
  stackName: string,
  directory: string = DEFAULT_STATE_DIRECTORY,
  root = projectRoot(),
): string {
  return path.resolve(root, directory, `terraform.${stackName}.tfstate`);
}

/** Whether `child` is `parent` or lies inside it. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Terraform state files (`*.tfstate`, `*.tfstate.backup`) under a directory, relative paths sorted.
 * `.terraform/` directories are skipped: their `terraform.tfstate` caches the backend
 * configuration, not the infrastructure's state, and `terraform init` writes it again.
 */
export function stateFilesIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.terraform') walk(p);
      } else if (/\.tfstate(\.backup)?$/.test(e.name) || /\.tfstate\.\d+\.backup$/.test(e.name)) {
        found.push(path.relative(dir, p));
      }
    }
  };
  walk(dir);
  return found.sort();
}
