import { Module } from '@nestjs/common';
import { GoalsModule } from '../goals/goals.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { TargetReviewRepository } from '../target-review/target-review.repository';
import { IndicatorEditService } from './indicator-edit.service';
import {
  DepartmentYearsEditController,
  GoalsEditController,
  IndicatorsEditController,
  ProjectsEditController,
} from './tree-edit.controller';
import { TreeEditPolicy } from './tree-edit.policy';
import { TreeEditRepository } from './tree-edit.repository';
import { TreeEditService } from './tree-edit.service';

/** Editing the indicator trees by hand (docs/domain.md, "Editing the trees"): years, projects, goals, indicators. */
@Module({
  imports: [GoalsModule, MonitoringModule, LifecycleModule],
  controllers: [
    DepartmentYearsEditController,
    ProjectsEditController,
    GoalsEditController,
    IndicatorsEditController,
  ],
  providers: [
    TreeEditService,
    IndicatorEditService,
    TreeEditPolicy,
    TreeEditRepository,
    TargetReviewRepository,
  ],
  exports: [TreeEditPolicy],
})
export class TreeEditModule {}
