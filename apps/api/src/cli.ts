import 'reflect-metadata';
import { CLI_COMMANDS, CLI_USAGE, runCliCommand, type CliCommand } from './cli/commands';
import { generatePiiKey, loadConfig } from './config/app-config';

async function main([command, arg]: string[]): Promise<void> {
  if (command === 'keygen') return void console.log(generatePiiKey());
  if (!(CLI_COMMANDS as readonly string[]).includes(command ?? '')) {
    console.error(CLI_USAGE);
    process.exit(64);
  }
  console.log(await runCliCommand(loadConfig(), command as CliCommand, arg));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
