// A private MariaDB server for one fault run: its own data directory and port, so killing and restarting it
// never disturbs the shared server on 127.0.0.1:3306 that other test runs use.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';

export class PrivateMariaDb {
  constructor(port) {
    this.port = port;
    this.dir = mkdtempSync(join(tmpdir(), 'jingcai-faults-'));
    this.process = null;
    this.url = `mysql://root:@127.0.0.1:${port}`;
  }

  /** A fresh data directory whose root logs in over TCP with no password (the test convention). */
  install() {
    const result = spawnSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        ...this.#userArgs(),
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`mariadb-install-db failed: ${result.stderr || result.error}`);
  }

  /** Starts the server and resolves once it accepts connections (after crash recovery on a restart). */
  async start() {
    const child = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mysqld.sock')}`,
        `--pid-file=${join(this.dir, 'mysqld.pid')}`,
        `--log-error=${join(this.dir, 'mysqld.err')}`,
        '--skip-name-resolve',
        '--max-connections=300',
        ...this.#userArgs(),
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    this.process = { child, exited };
    for (let i = 0; i < 1200; i++) {
      if (child.exitCode !== null) break;
      try {
        const connection = await createConnection({ uri: this.url, connectTimeout: 1000 });
        await connection.end();
        return;
      } catch {
        // Polled often: the run measures how soon after this the API's health is back.
        await sleep(25);
      }
    }
    throw new Error(`MariaDB on port ${this.port} did not come up (see ${join(this.dir, 'mysqld.err')})`);
  }

  /** `kill -9`: no shutdown, InnoDB recovers from its redo log on the next start — the fault we test. */
  async kill() {
    if (!this.process) return;
    const { child, exited } = this.process;
    this.process = null;
    child.kill('SIGKILL');
    // The next start must not race the dying server for the data directory's lock.
    await exited;
  }

  async destroy() {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** mariadbd refuses to run as root unless told to; as another user it runs as that user. */
  #userArgs() {
    return process.getuid?.() === 0 ? ['--user=root'] : [];
  }
}
