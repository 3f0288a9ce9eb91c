import { Injectable } from '@nestjs/common';
import { type RuleSettings, withDefaults } from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';

/** A department-year's stored rules with who changed them last. */
export interface StoredRuleSettings {
  id: string;
  settings: RuleSettings;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

/**
 * The department-year's 监控规则 (monitoring_rule_settings) over the national defaults: the one place every light,
 * projection, submit check and score reads them from.
 */
@Injectable()
export class RuleSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The rules in force for a fiscal year: its row over the defaults, or the national rules. */
  async forFiscalYear(
    fiscalYearId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RuleSettings> {
    return (await this.forFiscalYears([fiscalYearId], manager)).get(fiscalYearId) as RuleSettings;
  }

  /** The rules of several fiscal years at once, every id present in the map. */
  async forFiscalYears(
    fiscalYearIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, RuleSettings>> {
    const rows: { fiscalYearId: string; settings: RuleSettings }[] = fiscalYearIds.length
      ? await manager.query(
          `SELECT fiscal_year_id AS "fiscalYearId", settings FROM monitoring_rule_settings WHERE fiscal_year_id = ANY($1::uuid[])`,
          [fiscalYearIds],
        )
      : [];
    const stored = new Map(rows.map((row) => [row.fiscalYearId, row.settings]));
    return new Map(fiscalYearIds.map((id) => [id, withDefaults(stored.get(id))]));
  }

  /** The stored row with the name of who changed it last; `lock` holds it for a change. */
  async stored(
    manager: EntityManager,
    fiscalYearId: string,
    lock = false,
  ): Promise<StoredRuleSettings | undefined> {
    const [row] = await manager.query(
      `SELECT s.id, s.settings, s.version, s.updated_at AS "updatedAt", u.display_name AS "updatedBy"
         FROM monitoring_rule_settings s LEFT JOIN users u ON u.id = s.updated_by
        WHERE s.fiscal_year_id = $1${lock ? ' FOR UPDATE OF s' : ''}`,
      [fiscalYearId],
    );
    return row ? { ...row, settings: withDefaults(row.settings) } : undefined;
  }

  /** Writes the rules (version + 1 on an existing row); returns the row's id and new version. */
  async save(
    manager: EntityManager,
    fiscalYearId: string,
    settings: RuleSettings,
    by: string,
  ): Promise<{ id: string; version: number }> {
    const [row] = await manager.query(
      `INSERT INTO monitoring_rule_settings (fiscal_year_id, settings, updated_by) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT ON CONSTRAINT uq_monitoring_rule_settings_fiscal_year DO UPDATE
          SET settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by,
              version = monitoring_rule_settings.version + 1, updated_at = now()
       RETURNING id, version`,
      [fiscalYearId, JSON.stringify(settings), by],
    );
    return row;
  }
}
