import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { entityValues } from '../../database/sql.util';
import { Department } from '../departments/entities/department.entity';
import { ImportRun } from './entities/import-run.entity';

/** The advisory lock that serializes the writes of one department-year's trees (imports, carry-forward). */
export async function lockDepartmentYearTrees(
  manager: EntityManager,
  code: string,
  year: number,
): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import:${code}:${year}`]);
}

/** The record of loads (import_runs) and the lock that serializes them. */
@Injectable()
export class ImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Held to the end of the transaction: two concurrent loads of one department-year would interleave. */
  lockDepartmentYear(manager: EntityManager, code: string, year: number): Promise<void> {
    return lockDepartmentYearTrees(manager, code, year);
  }

  /** The department-year's review rules switched otherwise than by default (target_review_rule_settings). */
  reviewSwitches(
    manager: EntityManager,
    code: string,
    year: number,
  ): Promise<{ ruleId: string; enabled: boolean; reason: string }[]> {
    return manager.query(
      `SELECT s.rule_id AS "ruleId", s.enabled, s.reason
         FROM target_review_rule_settings s JOIN departments d ON d.id = s.department_id
        WHERE d.code = $1 AND s.year = $2 ORDER BY s.rule_id`,
      [code, year],
    );
  }

  /** The department-years of departments named so (部门名称 of 表11); two at most. */
  findDepartmentYearsByName(name: string, year: number): Promise<{ code: string; fiscalYearId: string }[]> {
    return this.dataSource.query(
      `SELECT d.code, fy.id AS "fiscalYearId" FROM departments d JOIN fiscal_years fy ON fy.department_id = d.id
        WHERE fy.year = $2 AND d.name = $1 ORDER BY d.code LIMIT 2`,
      [name, year],
    );
  }

  /**
   * The department-years holding a current project named (or coded) by each of the names, latest year first:
   * the provincial layout names its sheets after the projects and says nothing else about where they belong.
   */
  departmentYearsWithProjects(
    names: string[],
  ): Promise<{ code: string; year: number; fiscalYearId: string }[]> {
    return this.dataSource.query(
      `SELECT d.code, fy.year, fy.id AS "fiscalYearId"
         FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id
        WHERE (SELECT count(DISTINCT n) FROM unnest($1::text[]) n
                WHERE EXISTS (SELECT 1 FROM projects p WHERE p.fiscal_year_id = fy.id AND p.archived_at IS NULL
                                AND (p.name = n OR p.code = n))) = cardinality($1::text[])
        ORDER BY fy.year DESC, d.code`,
      [names],
    );
  }

  async lastDocumentSha256(manager: EntityManager, code: string, year: number): Promise<string | undefined> {
    const [last] = await manager.query(
      `SELECT r.document_sha256 FROM import_runs r JOIN fiscal_years fy ON fy.id = r.fiscal_year_id
         JOIN departments d ON d.id = fy.department_id
        WHERE d.code = $1 AND fy.year = $2 ORDER BY r.imported_at DESC, r.id LIMIT 1`,
      [code, year],
    );
    return last?.document_sha256;
  }

  async recordRun(
    manager: EntityManager,
    run: Pick<ImportRun, 'fiscalYearId' | 'fileName' | 'sha256' | 'documentSha256' | 'report' | 'importedBy'>,
  ): Promise<void> {
    await manager.insert(ImportRun, entityValues<ImportRun>(run));
  }

  countDepartments(): Promise<number> {
    return this.dataSource.manager.count(Department);
  }
}
