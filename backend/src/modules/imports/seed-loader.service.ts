import { Injectable, Logger } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { seedsDir } from './seeds-dir';

/** Normalized documents in seeds/ are named <department>-<year>.json. */
const SEED_FILE = /^[0-9A-Za-z]+-\d{4}\.json$/;

/** On an empty database, loads seeds/ so a new user meets a real department. */
@Injectable()
export class SeedLoaderService {
  private readonly logger = new Logger(SeedLoaderService.name);

  constructor(
    private readonly repository: ImportsRepository,
    private readonly imports: ImportsService,
  ) {}

  async loadIfEmpty(dir = seedsDir()): Promise<number> {
    if ((await this.repository.countDepartments()) > 0 || !existsSync(dir)) return 0;
    const files = readdirSync(dir)
      .filter((f) => SEED_FILE.test(f))
      .sort();
    for (const file of files) {
      const result = await this.imports.importFile(file, readFileSync(join(dir, file)));
      this.logger.log(`Seeded ${result.departmentCode}/${result.year} from ${file}`);
    }
    return files.length;
  }
}
