import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { EvidenceRepository, type EvidenceView } from './evidence.repository';
import { MonitoringRepository } from './monitoring.repository';
import { assertNotArchived } from './archived-write.error';
import { periodLockedError } from './period-locked.error';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Evidence (佐证材料) types people actually attach; the first bytes must agree with the extension. */
const ALLOWED: Record<string, { mime: string; magic?: number[] }> = {
  '.pdf': { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  '.png': { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  '.jpg': { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.jpeg': { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.docx': {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  '.xlsx': {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  '.doc': { mime: 'application/msword', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  '.xls': { mime: 'application/vnd.ms-excel', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  '.txt': { mime: 'text/plain' },
};

@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MonitoringRepository,
    private readonly evidence: EvidenceRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async upload(
    indicatorId: string,
    period: string,
    file: { originalname: string; buffer: Buffer; size: number } | undefined,
  ): Promise<EvidenceView> {
    if (!file || file.size === 0)
      throw new AppException(ErrorCode.ValidationFailed, '请选择要上传的文件', {
        file: 'file：请上传文件（字段名 file）',
      });
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8').slice(0, 200);
    const type = ALLOWED[extname(fileName).toLowerCase()];
    if (!type)
      throw new AppException(ErrorCode.ValidationFailed, '不支持的文件类型', {
        file: 'file：只接受 PDF、图片（PNG/JPG）、Word、Excel 或文本文件',
      });
    if (type.magic && !type.magic.every((byte, i) => file.buffer[i] === byte)) {
      throw new AppException(ErrorCode.ValidationFailed, '文件内容与扩展名不符', {
        file: 'file：文件内容与扩展名不符',
      });
    }
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const indicator = await this.repository.findIndicator(manager, indicatorId);
      if (!indicator) throw new AppException(ErrorCode.NotFound, '指标不存在');
      await this.access.assertCanReport(indicator.projectId, manager, actor, indicator);
      assertNotArchived(indicator, '指标');
      // The period row first, as submit takes it: an upload racing a submit lands before it or is refused.
      const { row: workflow, lock } = await this.repository.holdPeriod(
        manager,
        indicator.fiscalYearId,
        indicator.projectId,
        period,
        false,
      );
      if (lock) throw periodLockedError(period, lock.reason);
      const report = await this.repository.findReport(manager, indicatorId, period, true);
      if (!report)
        throw new AppException(ErrorCode.ValidationFailed, '请先填报本期完成值，再上传佐证材料', {
          period: 'period：本期尚未填报',
        });
      if (workflow && (workflow.status === 'submitted' || workflow.status === 'approved')) {
        throw new AppException(ErrorCode.Locked, '本期填报已提交或已审核，不能再上传', undefined, {
          status: workflow.status,
        });
      }
      const sha256 = createHash('sha256').update(file.buffer).digest('hex');
      const saved = await this.evidence.insert(manager, {
        reportId: report.id,
        fileName,
        mimeType: type.mime,
        content: file.buffer,
        sha256,
        uploadedBy: actor.id,
      });
      await this.audit.record(manager, {
        action: 'evidence.upload',
        entity: 'evidence-file',
        entityId: saved.id,
        after: { ...saved, reportId: report.id },
      });
      return saved;
    });
  }

  async list(indicatorId: string, period: string): Promise<EvidenceView[]> {
    const indicator = await this.repository.findIndicator(this.dataSource.manager, indicatorId);
    if (!indicator) throw new AppException(ErrorCode.NotFound, '指标不存在');
    this.access.assertCanReadDepartment(indicator.departmentId);
    return this.evidence.listForReport(indicatorId, period);
  }

  /** The file itself, only to those who may read the report's department. */
  async download(id: string): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
    const row = await this.evidence.findFile(id);
    if (!row) throw new AppException(ErrorCode.NotFound, '文件不存在');
    this.access.assertCanReadDepartment(row.departmentId);
    await this.audit.record(this.dataSource.manager, {
      action: 'evidence.download',
      entity: 'evidence-file',
      entityId: id,
      after: { fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.content.length },
    });
    return row;
  }
}
