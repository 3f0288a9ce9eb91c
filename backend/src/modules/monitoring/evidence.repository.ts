import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** An evidence file as listed, without its content. */
export type EvidenceView = {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
};

/** Reads and writes of 佐证材料 (evidence files attached to a progress report). */
@Injectable()
export class EvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    values: {
      reportId: string;
      fileName: string;
      mimeType: string;
      content: Buffer;
      sha256: string;
      uploadedBy: string | null;
    },
  ): Promise<EvidenceView> {
    const [saved] = await manager.query(
      `INSERT INTO evidence_files (progress_report_id, file_name, mime_type, size_bytes, sha256, content, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, file_name AS "fileName", mime_type AS "mimeType", size_bytes AS "sizeBytes", sha256, created_at AS "createdAt"`,
      [
        values.reportId,
        values.fileName,
        values.mimeType,
        values.content.length,
        values.sha256,
        values.content,
        values.uploadedBy,
      ],
    );
    return saved;
  }

  /** The files of an indicator's report for a month, oldest first. */
  listForReport(indicatorId: string, period: string): Promise<EvidenceView[]> {
    return this.dataSource.query(
      `SELECT e.id, e.file_name AS "fileName", e.mime_type AS "mimeType", e.size_bytes AS "sizeBytes", e.sha256, e.created_at AS "createdAt"
         FROM evidence_files e JOIN progress_reports r ON r.id = e.progress_report_id
        WHERE r.indicator_id = $1 AND r.period = $2 ORDER BY e.created_at`,
      [indicatorId, period],
    );
  }

  /** The file with the department it belongs to (for the read check). */
  async findFile(
    id: string,
  ): Promise<{ fileName: string; mimeType: string; content: Buffer; departmentId: string } | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT e.file_name AS "fileName", e.mime_type AS "mimeType", e.content, fy.department_id AS "departmentId"
         FROM evidence_files e JOIN progress_reports r ON r.id = e.progress_report_id JOIN indicators i ON i.id = r.indicator_id
         JOIN goals g ON g.id = i.goal_id JOIN fiscal_years fy ON fy.id = g.fiscal_year_id WHERE e.id = $1`,
      [id],
    );
    return row;
  }
}
