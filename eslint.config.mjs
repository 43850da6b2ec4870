// ESLint flat config: typescript-eslint's recommended rules, Prettier for formatting, and the
// project's own import rules from DESIGN.md enforced as lint errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const providerIndex = {
  paths: [
    {
      name: '@cdktf/provider-kubernetes',
      message:
        "Import from the resource's module (e.g. '@cdktf/provider-kubernetes/lib/namespace-v1'): the index loads every binding.",
    },
    {
      name: '@cdktf/provider-helm',
      message:
        "Import from the resource's module (e.g. '@cdktf/provider-helm/lib/release'): the index loads every binding.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'build/',
      'cdktf.out/',
      'coverage/',
      'reports/',
      'docs/api/',
      'examples/*/node_modules/',
      'examples/*/cdktf.out/',
      '**/*.js',
      '**/*.mjs',
      'lib/model/profile-shape.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      'no-restricted-imports': ['error', providerIndex],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // lib/model is pure TypeScript: validation and arithmetic are tested without synthesis, and the
    // engine (cdktf) stays replaceable.
    files: ['lib/model/**/*.ts', 'lib/review/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...providerIndex,
          patterns: [
            {
              group: ['cdktf', 'cdktf/*', 'constructs', '@cdktf/*'],
              message: 'lib/model and lib/review must not depend on cdktf.',
            },
            {
              group: [
                '../compute/*',
                '../compute',
                '../platform/*',
                '../platform',
                '../site/*',
                '../site',
                '../tenancy/*',
                '../tenancy',
                '../scheduling/*',
                '../scheduling',
                '../storage/*',
                '../storage',
              ],
              message: 'lib/model and lib/review import nothing but lib/model.',
            },
          ],
        },
      ],
    },
  },
);
