import type { components } from '../../core/api/api-types';

/** 年末预测 of a monitored indicator (GET /api/projects/:id, the dashboard's rows). */
export type Projection = components['schemas']['ProjectionResponse'];

/** What the entry grid fills in when the lead accepts the proposal (采用). */
export interface ProjectionProposal {
  readonly forecast: string;
  readonly likelihood: Projection['likelihood'];
}
