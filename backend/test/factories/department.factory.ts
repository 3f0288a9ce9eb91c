import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** A unique department code per call, so tests sharing one database never collide. */
export const uniqueCode = (): string => `T${randomBytes(5).toString('hex')}`;

export interface DepartmentSeed {
  code: string;
  name: string;
  year: number;
  departmentId: string;
  fiscalYearId: string;
}

/** Inserts a department with one fiscal year; overrides take precedence over the defaults. */
export async function insertDepartmentYear(
  ds: DataSource,
  overrides: Partial<Pick<DepartmentSeed, 'code' | 'name' | 'year'>> = {},
): Promise<DepartmentSeed> {
  const code = overrides.code ?? uniqueCode();
  const name = overrides.name ?? `测试部门 ${code}`;
  const year = overrides.year ?? 2025;
  const [dept] = await ds.query(`INSERT INTO departments (code, name) VALUES ($1, $2) RETURNING id`, [
    code,
    name,
  ]);
  const [fy] = await ds.query(`INSERT INTO fiscal_years (department_id, year) VALUES ($1, $2) RETURNING id`, [
    dept.id,
    year,
  ]);
  return { code, name, year, departmentId: dept.id, fiscalYearId: fy.id };
}

export interface ProjectSeed {
  seq: number;
  code?: string | null;
  name?: string;
  category?: string | null;
  budgetYuan?: number;
}

export async function insertProject(
  ds: DataSource,
  fiscalYearId: string,
  project: ProjectSeed,
): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO projects (fiscal_year_id, seq, code, name, category, budget_yuan) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      fiscalYearId,
      project.seq,
      project.code ?? null,
      project.name ?? `项目 ${project.seq}`,
      project.category ?? null,
      project.budgetYuan ?? 10000,
    ],
  );
  return row.id;
}
