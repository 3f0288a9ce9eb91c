import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/errors/app.exception';
import { DepartmentsRepository } from './departments.repository';
import { DepartmentResponse, ProjectSummaryResponse } from './dto/department.response';

@Injectable()
export class DepartmentsService {
  constructor(private readonly repository: DepartmentsRepository) {}

  list(): Promise<DepartmentResponse[]> {
    return this.repository.findAll();
  }

  async listProjects(code: string, year: number): Promise<ProjectSummaryResponse[]> {
    const fiscalYearId = await this.repository.findYearId(code, year);
    if (!fiscalYearId) throw notFound(`部门 ${code} 的 ${year} 年度预算`);
    return this.repository.findProjects(fiscalYearId);
  }
}
