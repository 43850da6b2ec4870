/**
 * Reading synthesized output (`cdktf.out/stacks/<stack>/cdk.tf.json`): the only input of the review
 * tools, so that they report what would be deployed, not what a profile meant.
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface SynthesizedStack {
  readonly name: string;
  readonly json: Json;
}

/** Every stack under `<outdir>/stacks`, sorted by name. */
export function readStacks(outdir: string): SynthesizedStack[] {
  const dir = path.join(outdir, 'stacks');
  if (!fs.existsSync(dir)) {
    throw new Error(
      `no synthesized stacks in ${dir}: run 'npx aif synth' first (npm run synth in the library's repository)`,
    );
  }
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'cdk.tf.json')))
    .sort()
    .map((name) => ({
      name,
      json: JSON.parse(fs.readFileSync(path.join(dir, name, 'cdk.tf.json'), 'utf8')) as Json,
    }));
}

/** Resources of one type in a stack, keyed by address name. */
export function resourcesOf(stack: SynthesizedStack, type: string): Record<string, Json> {
  return (stack.json.resource?.[type] ?? {}) as Record<string, Json>;
}

/** Unescapes Terraform's `$${` and `%%{`, which the library writes so values reach Helm literally. */
export function unescapeTemplate(text: string): string {
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
