import type { Rule } from 'eslint';

declare const plugin: { meta: { name: string }; rules: { 'tap-needs-role': Rule.RuleModule } };
export default plugin;
